package dev.rediscdi.tests.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import org.jboss.weld.environment.se.WeldContainer;
import org.junit.jupiter.api.Test;

import dev.rediscdi.RedisClient;
import dev.rediscdi.RedisTimeoutException;
import dev.rediscdi.ReplyType;
import dev.rediscdi.ScopedConnection;
import dev.rediscdi.testing.RedisServer;
import dev.rediscdi.testing.TcpProxy;
import dev.rediscdi.tests.Containers;
import dev.rediscdi.tests.TestConfig;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.Request;
import io.vertx.redis.client.Response;

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

    /**
     * A batch on the pipelined connection whose peer went silent fails at its deadline, and batches run again once
     * the client has given up on that connection and opened another; a withConnection meanwhile gets a lease (the
     * silent pooled connection it would find idle is closed, not lent).
     */
    @Test
    void shouldRunBatchesAgainAfterOneTimedOutOnASilentConnection() throws Exception {
        try (RedisServer server = RedisServer.builder().start();
                TcpProxy proxy = TcpProxy.to(server.port());
                TestConfig config = TestConfig.of("redis.hosts", proxy.uri(), "redis.timeout", "500ms", "redis.max-pool-size", "2",
                        "redis.connections", "1", "redis.retry.enabled", "false", "redis.circuit-breaker.enabled", "false");
                WeldContainer weld = Containers.boot()) {
            RedisClient redis = weld.select(RedisClient.class).get();
            List<Request> batch = List.of(Request.cmd(Command.PING), Request.cmd(Command.PING));
            assertThat(redis.batch(batch).toCompletableFuture().get(5, TimeUnit.SECONDS)).hasSize(2);
            redis.withConnection((ScopedConnection c) -> c.send("PING")).toCompletableFuture().get(5, TimeUnit.SECONDS); // back in the pool idle

            proxy.silenceOpenConnections(); // the pipelined connection and the idle pooled one
            Outcome<List<Response>> silent = Outcome.of(redis.batch(batch)).get(5, TimeUnit.SECONDS);
            assertThat(silent.failure()).isInstanceOf(RedisTimeoutException.class);

            Outcome<List<Response>> again = null;
            Outcome<Response> scoped = null;
            for (int attempt = 0; attempt < 10; attempt++) {
                again = Outcome.of(redis.batch(batch)).get(5, TimeUnit.SECONDS);
                scoped = Outcome.of(redis.withConnection((ScopedConnection c) -> c.send("PING"))).get(5, TimeUnit.SECONDS);
                if (again.succeeded() && scoped.succeeded()) {
                    break;
                }
                Thread.sleep(200);
            }
            assertThat(again.failure()).as("a batch after the silent one timed out (10 tries over ~7 s)").isNull();
            assertThat(again.value()).hasSize(2);
            assertThat(scoped.failure()).as("withConnection after the silent batch timed out (10 tries over ~7 s)").isNull();
        }
    }
}
