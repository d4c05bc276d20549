package dev.rediscdi.tests.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import org.jboss.weld.environment.se.WeldContainer;
import org.junit.jupiter.api.Test;

import dev.rediscdi.RedisClient;
import dev.rediscdi.RedisTimeoutException;
import dev.rediscdi.ReplyType;
import dev.rediscdi.testing.RedisServer;
import dev.rediscdi.testing.TcpProxy;
import dev.rediscdi.tests.Containers;
import dev.rediscdi.tests.TestConfig;

/**
 * A connection whose peer goes silent without closing (a network partition, a paused VM, a container gone from behind
 * a stable address): TCP keeps it open for many minutes, since every byte is still acknowledged here. The client must
 * give up on it by itself and open another.
 */
class SilentConnectionIT {
    private static final long BOUND_MILLIS = 15_000;

    @Test
    void shouldReplaceAConnectionThatNoLongerAnswersAndServeCommandsAgain() throws Exception {
        try (RedisServer server = RedisServer.builder().start();
                TcpProxy proxy = TcpProxy.to(server.port());
                TestConfig config = TestConfig.of("redis.hosts", proxy.uri(), "redis.timeout", "500ms",
                        "redis.retry.enabled", "false", "redis.circuit-breaker.enabled", "false");
                WeldContainer weld = Containers.boot()) {
            RedisClient redis = weld.select(RedisClient.class).get();
            assertThat(redis.execute(ReplyType.STRING, "SET", "silent", "before").toCompletableFuture().get(5, TimeUnit.SECONDS))
                    .isEqualTo("OK");

            proxy.silenceOpenConnections();
            Throwable first = catchThrowable(() -> redis.send("GET", "silent").toCompletableFuture().get(5, TimeUnit.SECONDS));

            long start = System.nanoTime();
            String answer = null;
            int attempts = 0;
            while (answer == null && TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start) < BOUND_MILLIS) {
                attempts++;
                try {
                    answer = redis.execute(ReplyType.STRING, "GET", "silent").toCompletableFuture().get(5, TimeUnit.SECONDS);
                } catch (ExecutionException stillSilent) {
                    assertThat(stillSilent.getCause()).isInstanceOf(RedisTimeoutException.class);
                    Thread.sleep(100);
                }
            }

            assertThat(first).isInstanceOf(ExecutionException.class).hasCauseInstanceOf(RedisTimeoutException.class);
            assertThat(answer).as("answered again on a new connection (%d attempts)", attempts).isEqualTo("before");
            assertThat(proxy.silencedConnectionsClosedByClient()).as("the silent connection closed by the client").isGreaterThanOrEqualTo(1);
        }
    }
}
