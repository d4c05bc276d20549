package dev.rediscdi.tests;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.function.BiFunction;
import java.util.function.Function;

import org.jboss.weld.environment.se.WeldContainer;
import org.junit.jupiter.api.Test;

import dev.rediscdi.CommandResults;
import dev.rediscdi.RedisClient;
import dev.rediscdi.RedisTimeoutException;
import dev.rediscdi.ReplyType;
import dev.rediscdi.testing.RedisServer;
import io.vertx.redis.client.Response;

/** Blocking commands on connections of their own: they never hold the pool, and a frozen Redis still fails them. */
class BlockingCommandsIT {
    private static final long BOUND_SECONDS = 15;

    @Test
    void shouldServeTransactionsAndBatchesWhileEveryBlockingConnectionIsBlocked() throws Exception {
        try (RedisServer server = RedisServer.builder().start();
                TestConfig config = TestConfig.of("redis.hosts", server.uri(), "redis.max-pool-size", "2",
                        "redis.max-blocking-connections", "4");
                WeldContainer weld = Containers.boot()) {
            RedisClient redis = weld.select(RedisClient.class).get();
            List<CompletableFuture<Response>> blocked = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                blocked.add(redis.send("BLPOP", "jobs:" + i, "10").toCompletableFuture());
            }
            Eventually.get(Duration.ofSeconds(5), () -> {
                long blpops = server.command("CLIENT", "LIST").lines().filter(line -> line.contains("cmd=blpop")).count();
                if (blpops != 4) {
                    throw new IllegalStateException(blpops + " connections blocked in BLPOP, 4 expected");
                }
                return blpops;
            });

            CommandResults transaction = redis.transaction(tx -> tx.value(String.class).set("t", "1"))
                    .toCompletableFuture().get(5, TimeUnit.SECONDS);
            String scoped = redis.withConnection(connection -> connection.execute(ReplyType.STRING, "PING"))
                    .toCompletableFuture().get(5, TimeUnit.SECONDS);
            List<Response> batch = redis.batch(List.of(io.vertx.redis.client.Request.cmd(io.vertx.redis.client.Command.PING)))
                    .toCompletableFuture().get(5, TimeUnit.SECONDS);
            assertThat(transaction.hasErrors()).isFalse();
            assertThat(scoped).isEqualTo("PONG");
            assertThat(batch.get(0).toString()).isEqualTo("PONG");
            assertThat(blocked).noneMatch(CompletableFuture::isDone);

            for (int i = 0; i < 4; i++) {
                server.command("RPUSH", "jobs:" + i, "job-" + i);
            }
            for (int i = 0; i < 4; i++) {
                Response popped = blocked.get(i).get(BOUND_SECONDS, TimeUnit.SECONDS);
                assertThat(popped.get(1).toString()).isEqualTo("job-" + i);
            }
        }
    }

    @Test
    void shouldFailABlockingCommandOnAFrozenRedisAfterItsOwnTimeoutAndTheClientsOne() throws Exception {
        assertFailsOnAFrozenRedisThenPops((redis, server) -> {
            server.freeze();
            return redis.send("BLPOP", "nothing", "1");
        }, redis -> redis.send("BLPOP", "after", "1"));
    }

    @Test
    void shouldFailABlockingCommandOnAScopedConnectionToAFrozenRedisAndCloseThatConnection() throws Exception {
        // frozen once the connection is leased: a lease from a frozen Redis fails on its own, sooner; the connection
        // that timed out is closed, not given back, and the next lease pops what is pushed after
        assertFailsOnAFrozenRedisThenPops((redis, server) -> redis.withConnection(connection -> {
            server.freeze();
            return connection.send("BLPOP", "nothing", "1");
        }), redis -> redis.withConnection(connection -> connection.send("BLPOP", "after", "1")));
    }

    /** Runs {@code frozen} (which freezes the server) with a 500 ms client timeout, then {@code pop} once unfrozen. */
    private static void assertFailsOnAFrozenRedisThenPops(BiFunction<RedisClient, RedisServer, CompletionStage<Response>> frozen,
            Function<RedisClient, CompletionStage<Response>> pop) throws Exception {
        try (RedisServer server = RedisServer.builder().start();
                TestConfig config = TestConfig.of("redis.hosts", server.uri(), "redis.timeout", "500ms", "redis.retry.enabled", "false");
                WeldContainer weld = Containers.boot()) {
            RedisClient redis = weld.select(RedisClient.class).get();
            redis.send("PING").toCompletableFuture().get(5, TimeUnit.SECONDS);
            long started = System.nanoTime();
            Throwable failure;
            try {
                failure = frozen.apply(redis, server).toCompletableFuture().handle((reply, error) -> error)
                        .get(BOUND_SECONDS, TimeUnit.SECONDS);
            } finally {
                server.unfreeze();
            }
            long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);

            if (failure instanceof java.util.concurrent.CompletionException wrapped) {
                failure = wrapped.getCause();
            }
            assertThat(failure).isInstanceOf(RedisTimeoutException.class);
            assertThat(millis).as("failed after the block timeout (1 s) plus the client's (500 ms)").isGreaterThanOrEqualTo(1400);

            server.command("RPUSH", "after", "x");
            Response popped = pop.apply(redis).toCompletableFuture().get(BOUND_SECONDS, TimeUnit.SECONDS);
            assertThat(popped.get(1).toString()).isEqualTo("x");
        }
    }
}
