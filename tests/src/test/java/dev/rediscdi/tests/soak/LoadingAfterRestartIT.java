package dev.rediscdi.tests.soak;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

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
        // 20,000 keys loaded 100 µs apart: Redis answers LOADING for about 2 s after the restart
        try (RedisServer server = RedisServer.builder().config("save", "3600 1").config("key-load-delay", "100")
                .config("loading-process-events-interval-bytes", "1024").start();
                TestConfig config = TestConfig.of("redis.hosts", server.uri(), "redis.timeout", "1s", "redis.retry.max-retries", "-1",
                        "redis.retry.max-duration", "15s", "redis.circuit-breaker.enabled", "false");
                WeldContainer weld = Containers.boot()) {
            BlockingRedisClient redis = weld.select(BlockingRedisClient.class).get();
            Eventually.get(Duration.ofSeconds(10), () -> redis.send("PING"));
            redis.send("EVAL", "for i = 1, 20000 do redis.call('SET', 'key:' .. i, 'v') end", "0");
            Thread restarter = new Thread(server::restart, "restarter");
            restarter.start();
            Thread.sleep(200); // the restart under way: stopped (saving its data), then loading it

            List<RedisException> failures = new ArrayList<>();
            long counted = 0;
            for (int i = 0; i < 20; i++) {
                try {
                    counted = redis.execute(ReplyType.LONG, "INCR", "visits");
                } catch (RedisException e) {
                    failures.add(e);
                }
                Thread.sleep(100);
            }
            restarter.join(30_000);

            assertThat(failures).as("INCRs that failed (Redis ran none while loading: each may be repeated)").isEmpty();
            assertThat(counted).isEqualTo(20);
            assertThat(server.command("GET", "visits")).as("INCRs run").isEqualTo("20");
            assertThat(server.logTail()).as("the restart loaded the data set").contains("DB loaded from disk");
        }
    }
}
