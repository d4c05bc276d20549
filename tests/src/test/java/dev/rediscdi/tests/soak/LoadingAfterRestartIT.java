package dev.rediscdi.tests.soak;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import org.jboss.weld.environment.se.WeldContainer;
import org.junit.jupiter.api.Test;

import dev.rediscdi.BlockingRedisClient;
import dev.rediscdi.RedisException;
import dev.rediscdi.ReplyType;
import dev.rediscdi.tests.Containers;
import dev.rediscdi.tests.Eventually;
import dev.rediscdi.tests.TestConfig;
import dev.rediscdi.testing.RedisServer;

/**
 * Redis restarted with a data set to load: until it is loaded, Redis answers every command with {@code LOADING} and
 * runs none. That is not a refusal that repeating would meet again: the client retries such commands until Redis
 * serves them, as it retries commands it could not send.
 */
class LoadingAfterRestartIT {

    @Test
    void shouldRetryCommandsRedisRefusedWhileLoadingItsDataSet() throws Exception {
        // 1,000 keys loaded 1 ms apart: Redis answers LOADING for 1 s or more after the restart. Redis sleeps between
        // keys, and on a busy virtual machine sleeps overshoot: 20,000 sleeps of 100 µs once took more than the 15 s
        // the restart waits for, and 2,000 of 1 ms took 6 s.
        try (RedisServer server = RedisServer.builder().config("save", "3600 1").config("key-load-delay", "1000")
                .config("loading-process-events-interval-bytes", "1024").start();
                TestConfig config = TestConfig.of("redis.hosts", server.uri(), "redis.timeout", "5s", "redis.retry.max-retries", "-1",
                        "redis.retry.max-duration", "15s", "redis.circuit-breaker.enabled", "false");
                WeldContainer weld = Containers.boot()) {
            BlockingRedisClient redis = weld.select(BlockingRedisClient.class).get();
            Eventually.get(Duration.ofSeconds(10), () -> redis.send("PING"));
            redis.send("EVAL", "for i = 1, 1000 do redis.call('SET', 'key:' .. i, 'v') end", "0");
            AtomicReference<RuntimeException> restartFailure = new AtomicReference<>();
            Thread restarter = new Thread(() -> {
                try {
                    server.restart();
                } catch (RuntimeException e) {
                    restartFailure.set(e);
                }
            }, "restarter");
            restarter.start();
            // the first INCR once the old process has saved its data and exited: an INCR sent before might be in flight
            // when it stops (lost, may have run: rightly never repeated). On a busy machine that takes its time.
            for (int i = 0; i < 1500 && !server.logTail().contains("ready to exit") && restartFailure.get() == null; i++) {
                Thread.sleep(10);
            }
            // and once the client has seen its connection close: written into a socket whose peer just exited, an INCR
            // fails with "Connection reset", which cannot tell it from one Redis received before a crash
            Thread.sleep(300);

            List<RedisException> failures = new ArrayList<>();
            long counted = 0;
            for (int i = 0; i < 20 && restartFailure.get() == null; i++) {
                try {
                    counted = redis.execute(ReplyType.LONG, "INCR", "visits");
                } catch (RedisException e) {
                    failures.add(e);
                }
                Thread.sleep(100);
            }
            restarter.join(30_000);
            assertThat(restartFailure.get()).as("the restart of Redis").isNull();

            assertThat(failures).as("INCRs that failed (Redis ran none while loading: each may be repeated)").isEmpty();
            assertThat(counted).isEqualTo(20);
            assertThat(server.command("GET", "visits")).as("INCRs run").isEqualTo("20");
            assertThat(server.logTail()).as("the restart loaded the data set").contains("DB loaded from disk");
        }
    }
}
