package dev.rediscdi.tests.typed;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import org.jboss.weld.environment.se.WeldContainer;
import org.junit.jupiter.api.Test;

import dev.rediscdi.RedisClient;
import dev.rediscdi.RedisReplyException;
import dev.rediscdi.RedisScript;
import dev.rediscdi.RedisTimeoutException;
import dev.rediscdi.ReplyType;
import dev.rediscdi.testing.RedisServer;
import dev.rediscdi.tests.Containers;
import dev.rediscdi.tests.TestConfig;

/** What a transaction that timed out tells its caller. */
class TransactionOutcomeIT {
    private static final long BOUND_SECONDS = 30;
    private static final RedisScript BUSY_FOR_A_SECOND = RedisScript.of("local start = redis.call('TIME') "
            + "while true do local now = redis.call('TIME') "
            + "if (now[1] - start[1]) * 1000000 + (now[2] - start[2]) > 1000000 then return 1 end end");

    @Test
    void shouldNotSayNothingRanWhenTheTransactionTimedOut() throws Exception {
        try (RedisServer server = RedisServer.builder().start();
                TestConfig config = TestConfig.of("redis.hosts", server.uri(), "redis.timeout", "500ms", "redis.retry.enabled", "false");
                WeldContainer weld = Containers.boot()) {
            RedisClient redis = weld.select(RedisClient.class).get();
            redis.send("PING").toCompletableFuture().get(5, TimeUnit.SECONDS);
            Throwable failure;
            // Redis queues the SET and the script, and runs them at EXEC: the script keeps it busy past the timeout
            try {
                redis.transaction(tx -> {
                    tx.value(String.class).set("written", "yes");
                    tx.eval(BUSY_FOR_A_SECOND, ReplyType.LONG, List.of());
                }).toCompletableFuture().get(BOUND_SECONDS, TimeUnit.SECONDS);
                throw new AssertionError("the transaction answered within the timeout");
            } catch (ExecutionException e) {
                failure = e.getCause();
            }
            // EXEC ran on, the script to its end, though the client had given up on it
            server.command("PING"); // answered once the script ended
            String written = null;
            long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (written == null && System.nanoTime() < until) {
                written = redis.value(String.class).get("written").toCompletableFuture().get(5, TimeUnit.SECONDS);
                if (written == null) {
                    Thread.sleep(50);
                }
            }
            assertThat(written).as("the transaction ran; the caller was told " + failure).isEqualTo("yes");
            assertThat(failure).as("a transaction that timed out may have run: it is no refusal by Redis ("
                    + failure + ")").isNotInstanceOf(RedisReplyException.class).isInstanceOf(RedisTimeoutException.class);
        }
    }
}
