package dev.rediscdi.tests;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import org.jboss.weld.environment.se.WeldContainer;
import org.junit.jupiter.api.Test;

import dev.rediscdi.RedisClient;
import dev.rediscdi.RedisOverloadedException;
import dev.rediscdi.RedisTimeoutException;
import dev.rediscdi.ReplyType;
import dev.rediscdi.testing.RedisServer;
import io.vertx.redis.client.Response;

/**
 * Scoped connections ({@code withConnection}, transactions) and blocking commands beyond the connections there are
 * for them wait in the client's line: in order of arrival, each until its deadline, and only a full line refuses.
 */
class ConnectionLineIT {
    private static final long BOUND_SECONDS = 15;

    @Test
    void shouldServeWaitingCallersInOrderOfArrivalAndRefuseOnlyWhenTheLineIsFull() throws Exception {
        // one pooled connection for scoped work: the pool's 2 less the pipelined one
        try (RedisServer server = RedisServer.builder().start();
                TestConfig config = TestConfig.of("redis.hosts", server.uri(), "redis.max-pool-size", "2", "redis.max-pool-waiting", "2");
                WeldContainer weld = Containers.boot()) {
            RedisClient redis = weld.select(RedisClient.class).get();
            CompletableFuture<String> release = new CompletableFuture<>();
            CompletableFuture<String> holder = holdTheOnlyConnection(redis, release);

            List<String> served = Collections.synchronizedList(new ArrayList<>());
            CompletableFuture<String> second = ping(redis, "second", served);
            CompletableFuture<String> third = ping(redis, "third", served);
            CompletableFuture<String> fourth = ping(redis, "fourth", served);

            assertThat(fourth).as("a third waiter, with max-pool-waiting 2").failsWithin(Duration.ofSeconds(BOUND_SECONDS))
                    .withThrowableOfType(ExecutionException.class).havingCause().isInstanceOf(RedisOverloadedException.class)
                    .withMessageContaining("2 callers already wait").withMessageContaining("Raise max-pool-waiting");
            assertThat(second).isNotDone();
            assertThat(third).isNotDone();

            release.complete("done");
            assertThat(holder.get(BOUND_SECONDS, TimeUnit.SECONDS)).isEqualTo("done");
            assertThat(second.get(BOUND_SECONDS, TimeUnit.SECONDS)).isEqualTo("PONG");
            assertThat(third.get(BOUND_SECONDS, TimeUnit.SECONDS)).isEqualTo("PONG");
            assertThat(served).as("served in order of arrival").containsExactly("second", "third");
        }
    }

    @Test
    void shouldLeaveTheLineAtTheTimeoutWithoutRunningTheWork() throws Exception {
        try (RedisServer server = RedisServer.builder().start();
                TestConfig config = TestConfig.of("redis.hosts", server.uri(), "redis.timeout", "500ms",
                        "redis.max-pool-size", "2", "redis.max-pool-waiting", "1");
                WeldContainer weld = Containers.boot()) {
            RedisClient redis = weld.select(RedisClient.class).get();
            CompletableFuture<String> release = new CompletableFuture<>();
            CompletableFuture<String> holder = holdTheOnlyConnection(redis, release);

            List<String> served = Collections.synchronizedList(new ArrayList<>());
            CompletableFuture<String> impatient = ping(redis, "impatient", served);
            assertThat(impatient).failsWithin(Duration.ofSeconds(BOUND_SECONDS)).withThrowableOfType(ExecutionException.class)
                    .havingCause().isInstanceOf(RedisTimeoutException.class).withMessageContaining("nothing was sent");

            CompletableFuture<String> next = ping(redis, "next", served);
            assertThat(next).as("the line has room again: the caller that gave up left it").isNotDone();
            release.complete("done");
            holder.get(BOUND_SECONDS, TimeUnit.SECONDS);
            assertThat(next.get(BOUND_SECONDS, TimeUnit.SECONDS)).isEqualTo("PONG");
            assertThat(served).as("the work of the caller that gave up never ran").containsExactly("next");
        }
    }

    @Test
    void shouldServeSixtyFourBlockingCommandsOnEightConnectionsInTurn() throws Exception {
        try (RedisServer server = RedisServer.builder().start();
                TestConfig config = TestConfig.of("redis.hosts", server.uri());
                WeldContainer weld = Containers.boot()) {
            RedisClient redis = weld.select(RedisClient.class).get();
            String queue = "jobs:" + UUID.randomUUID();
            List<CompletableFuture<Response>> pops = new ArrayList<>();
            for (int i = 0; i < 64; i++) {
                pops.add(redis.send("BLPOP", queue, "10").toCompletableFuture());
            }
            Eventually.get(Duration.ofSeconds(BOUND_SECONDS), () -> {
                long blocked = server.command("CLIENT", "LIST").lines().filter(line -> line.contains("cmd=blpop")).count();
                if (blocked != 8) {
                    throw new IllegalStateException(blocked + " connections blocked in BLPOP, max-blocking-connections (8) expected");
                }
                return blocked;
            });
            assertThat(pops).noneMatch(CompletableFuture::isDone);

            List<Object> jobs = new ArrayList<>(List.of("RPUSH", queue));
            for (int i = 0; i < 64; i++) {
                jobs.add("job-" + i);
            }
            server.command(jobs.stream().map(String::valueOf).toArray(String[]::new));

            List<String> popped = new ArrayList<>();
            for (CompletableFuture<Response> pop : pops) {
                popped.add(pop.get(BOUND_SECONDS, TimeUnit.SECONDS).get(1).toString());
            }
            assertThat(popped).as("every job popped once").doesNotHaveDuplicates().hasSize(64);
        }
    }

    @Test
    void shouldSayABlockingCommandWhoseDeadlinePassedInLineWasNotSent() throws Exception {
        try (RedisServer server = RedisServer.builder().start();
                TestConfig config = TestConfig.of("redis.hosts", server.uri(), "redis.timeout", "300ms", "redis.max-blocking-connections", "1",
                        "redis.retry.max-retries", "0");
                WeldContainer weld = Containers.boot()) {
            RedisClient redis = weld.select(RedisClient.class).get();
            String queue = "jobs:" + UUID.randomUUID();
            CompletableFuture<Response> first = redis.send("BLPOP", queue, "10").toCompletableFuture();
            awaitABlockingPop(server);

            CompletableFuture<Response> second = redis.send("BLPOP", queue, "0.2").toCompletableFuture();
            assertThat(second).failsWithin(Duration.ofSeconds(BOUND_SECONDS)).withThrowableOfType(ExecutionException.class)
                    .havingCause().isInstanceOfSatisfying(RedisTimeoutException.class, timeout -> {
                        assertThat(timeout).hasMessageContaining("BLPOP waited 500 ms").hasMessageContaining("was not sent")
                                .hasMessageContaining("max-blocking-connections");
                        assertThat(timeout.isSafeToRetry()).as("not sent: safe to send again").isTrue();
                    });

            server.command("RPUSH", queue, "only");
            assertThat(first.get(BOUND_SECONDS, TimeUnit.SECONDS).get(1).toString()).isEqualTo("only");
            assertThat(server.command("LLEN", queue)).isEqualTo("0");
        }
    }

    /**
     * A blocking command that waited in line gets its whole block timeout once written: Redis blocks it that long,
     * and an element pushed meanwhile is its. A deadline counted from when it joined the line would cut it off while
     * Redis still blocks it (an element popped just then would be lost with the connection).
     */
    @Test
    void shouldGiveABlockingCommandThatWaitedInLineItsWholeBlockTimeout() throws Exception {
        try (RedisServer server = RedisServer.builder().start();
                TestConfig config = TestConfig.of("redis.hosts", server.uri(), "redis.timeout", "300ms", "redis.max-blocking-connections", "1",
                        "redis.retry.max-retries", "0");
                WeldContainer weld = Containers.boot()) {
            RedisClient redis = weld.select(RedisClient.class).get();
            String first = "jobs:" + UUID.randomUUID();
            String second = "jobs:" + UUID.randomUUID();
            CompletableFuture<Response> holder = redis.send("BLPOP", first, "1").toCompletableFuture();
            awaitABlockingPop(server);
            CompletableFuture<Response> waiter = redis.send("BLPOP", second, "1").toCompletableFuture(); // waits in line ~1 s

            assertThat(holder.get(BOUND_SECONDS, TimeUnit.SECONDS)).as("the first BLPOP, after its 1 s block").isNull();
            Thread.sleep(600); // the second now blocks in Redis until 1 s after the first ended, 1.6 s after it joined the line
            server.command("RPUSH", second, "late");

            assertThat(waiter.get(BOUND_SECONDS, TimeUnit.SECONDS).get(1).toString()).isEqualTo("late");
        }
    }

    @Test
    void shouldFailABlockingCommandStillInLineWhenTheClientCloses() throws Exception {
        try (RedisServer server = RedisServer.builder().start();
                TestConfig config = TestConfig.of("redis.hosts", server.uri(), "redis.max-blocking-connections", "1")) {
            WeldContainer weld = Containers.boot();
            CompletableFuture<Response> waiting;
            try {
                RedisClient redis = weld.select(RedisClient.class).get();
                String queue = "jobs:" + UUID.randomUUID();
                redis.send("BLPOP", queue, "0");
                awaitABlockingPop(server);
                waiting = redis.send("BLPOP", queue, "0").toCompletableFuture(); // no deadline: waits in line for good
                assertThat(waiting).isNotDone();
            } finally {
                weld.shutdown();
            }
            assertThat(waiting).failsWithin(Duration.ofSeconds(BOUND_SECONDS)).withThrowableOfType(ExecutionException.class)
                    .havingCause().isInstanceOf(IllegalStateException.class).withMessageContaining("was not sent");
        }
    }

    /** Scoped work that holds the connection until {@code release} completes; returns once it holds it. */
    private static CompletableFuture<String> holdTheOnlyConnection(RedisClient redis, CompletableFuture<String> release) throws InterruptedException {
        CountDownLatch holding = new CountDownLatch(1);
        CompletableFuture<String> holder = redis.<String>withConnection(connection -> {
            holding.countDown();
            return release;
        }).toCompletableFuture();
        assertThat(holding.await(BOUND_SECONDS, TimeUnit.SECONDS)).as("the first caller got the connection").isTrue();
        return holder;
    }

    private static CompletableFuture<String> ping(RedisClient redis, String caller, List<String> served) {
        CompletionStage<String> stage = redis.withConnection(connection -> {
            served.add(caller);
            return connection.execute(ReplyType.STRING, "PING");
        });
        return stage.toCompletableFuture();
    }

    /** Waits until Redis blocks a BLPOP. */
    private static void awaitABlockingPop(RedisServer server) throws InterruptedException {
        Eventually.get(Duration.ofSeconds(BOUND_SECONDS), () -> {
            if (!server.command("CLIENT", "LIST").contains("cmd=blpop")) {
                throw new IllegalStateException("the first BLPOP does not block yet");
            }
            return true;
        });
    }
}
