package dev.rediscdi.tests.soak;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.jboss.weld.environment.se.WeldContainer;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import dev.rediscdi.BlockingRedisClient;
import dev.rediscdi.RedisException;
import dev.rediscdi.tests.Containers;
import dev.rediscdi.tests.Eventually;
import dev.rediscdi.tests.TestConfig;
import dev.rediscdi.testing.RedisServer;

/**
 * The blocking client across a Redis restart longer than its timeout: an INCR that could not be sent is retried by the
 * policy until Redis is back, as on the asynchronous client. Its caller must hear how it ended: a caller told it
 * failed, while the retries go on and run it, would count it twice if it tried again.
 */
class BlockingClientRetriesIT {

    /** Also through {@code assumingIdempotent()}, whose blocking client is a client of its own. */
    @ParameterizedTest
    @ValueSource(booleans = { false, true })
    void shouldWaitForTheRetriesOfACommandThatCouldNotBeSent(boolean assumingIdempotent) throws Exception {
        try (RedisServer server = RedisServer.builder().start();
                TestConfig config = TestConfig.of("redis.hosts", server.uri(), "redis.timeout", "2s", "redis.retry.max-retries", "40",
                        "redis.retry.delay", "200ms", "redis.retry.max-duration", "15s", "redis.circuit-breaker.enabled", "false");
                WeldContainer weld = Containers.boot()) {
            BlockingRedisClient plain = weld.select(BlockingRedisClient.class).get();
            BlockingRedisClient redis = assumingIdempotent ? plain.async().assumingIdempotent().blocking() : plain;
            Eventually.get(Duration.ofSeconds(10), () -> redis.send("PING"));
            server.stop();
            Thread.sleep(300); // the client has seen its connections close: the INCR below is refused, never in flight
            ExecutorService restarter = Executors.newSingleThreadExecutor();
            try {
                Future<?> restarted = restarter.submit(() -> {
                    Thread.sleep(1500);
                    server.restart();
                    return null;
                });
                Long counted;
                RedisException failure = null;
                try {
                    counted = redis.execute(dev.rediscdi.ReplyType.LONG, "INCR", "visits");
                } catch (RedisException e) {
                    counted = null;
                    failure = e;
                }
                restarted.get(20, TimeUnit.SECONDS);
                String ran = Eventually.get(Duration.ofSeconds(10), () -> {
                    Thread.sleep(1000); // the retries, if any, have run
                    return String.valueOf(server.command("GET", "visits"));
                });

                assertThat(failure).as("the caller of the INCR (it ran %s time(s) in Redis)", ran).isNull();
                assertThat(counted).isEqualTo(1L);
                assertThat(ran).isEqualTo("1");
            } finally {
                restarter.shutdownNow();
            }
        }
    }
}
