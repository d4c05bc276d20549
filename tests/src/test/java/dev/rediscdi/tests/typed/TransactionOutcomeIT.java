package dev.rediscdi.tests.typed;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import org.jboss.weld.environment.se.WeldContainer;
import org.junit.jupiter.api.Test;

import dev.rediscdi.RedisClient;
import dev.rediscdi.RedisReplyException;
import dev.rediscdi.RedisTimeoutException;
import dev.rediscdi.testing.RedisServer;
import dev.rediscdi.tests.Containers;
import dev.rediscdi.tests.TestConfig;

/** What a transaction that timed out tells its caller. */
class TransactionOutcomeIT {
    private static final long BOUND_SECONDS = 30;

    @Test
    void shouldNotSayNothingRanWhenTheTransactionTimedOut() throws Exception {
        try (RedisServer server = RedisServer.builder().start();
                TestConfig config = TestConfig.of("redis.hosts", server.uri(), "redis.timeout", "500ms", "redis.retry.enabled", "false");
                WeldContainer weld = Containers.boot()) {
            RedisClient redis = weld.select(RedisClient.class).get();
            // a pooled connection open before Redis freezes: the transaction is written on it
            redis.transaction(tx -> tx.value(String.class).set("warm", "1")).toCompletableFuture().get(5, TimeUnit.SECONDS);
            Throwable failure;
            server.freeze(); // MULTI, SET and EXEC reach Redis' socket; no reply comes within the timeout
            try {
                try {
                    redis.transaction(tx -> tx.value(String.class).set("written", "yes"))
                            .toCompletableFuture().get(BOUND_SECONDS, TimeUnit.SECONDS);
                    throw new AssertionError("the transaction succeeded on a frozen server");
                } catch (ExecutionException e) {
                    failure = e.getCause();
                }
            } finally {
                server.unfreeze();
            }
            // Redis reads what was written before the client closed the connection, and runs it
            String written = null;
            long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (written == null && System.nanoTime() < until) {
                written = redis.value(String.class).get("written").toCompletableFuture().get(5, TimeUnit.SECONDS);
                if (written == null) {
                    Thread.sleep(50);
                }
            }
            assertThat(written).as("the transaction ran once Redis resumed; the caller was told " + failure).isEqualTo("yes");
            assertThat(failure).as("a transaction that timed out may have run: it is no refusal by Redis ("
                    + failure + ")").isNotInstanceOf(RedisReplyException.class).isInstanceOf(RedisTimeoutException.class);
        }
    }
}
