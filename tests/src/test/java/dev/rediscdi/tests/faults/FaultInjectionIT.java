package dev.rediscdi.tests.faults;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.jboss.weld.environment.se.WeldContainer;
import org.junit.jupiter.api.Test;

import dev.rediscdi.BlockingRedisClient;
import dev.rediscdi.RedisCircuitOpenException;
import dev.rediscdi.RedisClient;
import dev.rediscdi.RedisConnectionLostException;
import dev.rediscdi.RedisException;
import dev.rediscdi.RedisOverloadedException;
import dev.rediscdi.RedisTimeoutException;
import dev.rediscdi.ReplyType;
import dev.rediscdi.tests.Containers;
import dev.rediscdi.tests.Eventually;
import dev.rediscdi.tests.TestConfig;
import dev.rediscdi.testing.RedisServer;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.Request;
import io.vertx.redis.client.Response;

/** Real faults (SIGSTOP, SIGKILL, CLIENT KILL, DEBUG SLEEP, CLIENT PAUSE) against the default policy. */
class FaultInjectionIT {
    private static final Duration BOUND = Duration.ofSeconds(20);

    @Test
    void shouldFailEveryPendingCallWithinTheTimeoutWhileRedisIsFrozenAndRecoverAfter() throws Exception {
        try (RedisServer server = RedisServer.builder().start();
                TestConfig config = TestConfig.of("redis.hosts", server.uri(), "redis.timeout", "500ms");
                WeldContainer weld = Containers.boot()) {
            RedisClient redis = weld.select(RedisClient.class).get();
            redis.send("PING").toCompletableFuture().get(5, TimeUnit.SECONDS);

            List<CompletableFuture<Outcome<Response>>> pending = new ArrayList<>();
            List<CompletableFuture<Outcome<Response>>> later = new ArrayList<>();
            server.freeze();
            try {
                for (int i = 0; i < 100; i++) {
                    pending.add(Outcome.of(redis.send("GET", "frozen:" + i)));
                }
                CompletableFuture.allOf(pending.toArray(CompletableFuture[]::new)).get(BOUND.toMillis(), TimeUnit.MILLISECONDS);
                for (int i = 0; i < 10; i++) {
                    later.add(Outcome.of(redis.send("GET", "frozen:" + i)));
                }
                CompletableFuture.allOf(later.toArray(CompletableFuture[]::new)).get(BOUND.toMillis(), TimeUnit.MILLISECONDS);
                Thread.sleep(Math.max(0, 3000 - 600));
            } finally {
                server.unfreeze();
            }

            assertThat(pending).extracting(CompletableFuture::join).allSatisfy(outcome -> {
                assertThat(outcome.failure()).isInstanceOf(RedisTimeoutException.class);
                // failed by the client's deadline: not before it, and long before the freeze ends (3 s), which is when a
                // reply would come; the sweep adds up to a tenth of the timeout, a loaded machine more (1037 ms seen at load 28)
                assertThat(outcome.millis()).isBetween(500L - 1, 500L + 1000);
            });
            // a hundred timeouts opened the breaker: later calls fail at once, unsent
            assertThat(later).extracting(CompletableFuture::join).allSatisfy(outcome ->
                    assertThat(outcome.failure()).isInstanceOf(RedisCircuitOpenException.class));

            assertThat(Eventually.get(Duration.ofSeconds(10), () -> redis.execute(ReplyType.STRING, "PING").toCompletableFuture()
                    .get(2, TimeUnit.SECONDS))).isEqualTo("PONG");
            assertThat(Servers.connectedClients(server)).as("connections of the client (max-pool-size 6) plus the one asking")
                    .isLessThanOrEqualTo(6 + 1);
        }
    }

    @Test
    void shouldRetryIdempotentCommandsAcrossClientKillAndNeverRunAnIncrTwice() throws Exception {
        try (RedisServer server = RedisServer.builder().start();
                // the breaker must stay out of this test: up to 1,200 commands in flight fail at each of 20 kills, and
                // their safe retries succeed, so a window can hold more than half failures (it opened once at 0.5)
                TestConfig config = TestConfig.of("redis.hosts", server.uri(), "redis.timeout", "5s",
                        "redis.circuit-breaker.request-volume-threshold", "10000", "redis.circuit-breaker.failure-ratio", "1");
                WeldContainer weld = Containers.boot()) {
            RedisClient redis = weld.select(RedisClient.class).get();
            int connectionsBefore = totalConnections(server);
            int issuedIncrs = 0;
            int ackedIncrs = 0;
            int lostIncrs = 0;
            for (int run = 0; run < 20; run++) {
                List<CompletableFuture<Outcome<Response>>> sets = new ArrayList<>();
                List<CompletableFuture<Outcome<Response>>> incrs = new ArrayList<>();
                for (int i = 0; i < 1000; i++) {
                    sets.add(Outcome.of(redis.send("SET", "kill:" + run + ":" + i, "v" + i)));
                    if (i % 5 == 0) {
                        incrs.add(Outcome.of(redis.send("INCR", "kill:counter")));
                        issuedIncrs++;
                    }
                }
                server.command("CLIENT", "KILL", "TYPE", "normal");
                CompletableFuture.allOf(sets.toArray(CompletableFuture[]::new)).get(BOUND.toMillis(), TimeUnit.MILLISECONDS);
                CompletableFuture.allOf(incrs.toArray(CompletableFuture[]::new)).get(BOUND.toMillis(), TimeUnit.MILLISECONDS);

                assertThat(sets).extracting(CompletableFuture::join).allSatisfy(outcome -> assertThat(outcome.failure()).isNull());
                for (CompletableFuture<Outcome<Response>> incr : incrs) {
                    Outcome<Response> outcome = incr.join();
                    if (outcome.succeeded()) {
                        ackedIncrs++;
                    } else {
                        assertThat(outcome.failure()).isInstanceOf(RedisConnectionLostException.class);
                        assertThat(((RedisException) outcome.failure()).isSafeToRetry()).isFalse();
                        lostIncrs++;
                    }
                }
            }
            long counter = Long.parseLong(server.command("GET", "kill:counter"));

            assertThat(totalConnections(server) - connectionsBefore).as("connections opened again after the kills").isGreaterThanOrEqualTo(20);
            assertThat(counter).as("INCRs acknowledged %d, lost %d, issued %d", ackedIncrs, lostIncrs, issuedIncrs)
                    .isBetween((long) ackedIncrs, (long) issuedIncrs);
            assertThat(server.command("GET", "kill:19:999")).isEqualTo("v999");
        }
    }

    @Test
    void shouldLoseNoAcknowledgedWriteWhenRedisIsKilledAndRestartedUnderLoad() throws Exception {
        try (RedisServer server = RedisServer.builder().config("appendonly", "yes").config("appendfsync", "always").start();
                TestConfig config = TestConfig.of("redis.hosts", server.uri(), "redis.timeout", "1s");
                WeldContainer weld = Containers.boot()) {
            BlockingRedisClient redis = weld.select(BlockingRedisClient.class).get();
            redis.send("PING");
            Set<String> acknowledged = ConcurrentHashMap.newKeySet();
            AtomicBoolean restarted = new AtomicBoolean();
            AtomicInteger ackedAfterRestart = new AtomicInteger();
            AtomicBoolean stop = new AtomicBoolean();
            ExecutorService callers = Executors.newFixedThreadPool(8);
            List<Future<Integer>> failures = new ArrayList<>();
            try {
                for (int t = 0; t < 8; t++) {
                    int caller = t;
                    failures.add(callers.submit(() -> {
                        int failed = 0;
                        for (int n = 0; n < 200_000 && !stop.get(); n++) {
                            String key = "crash:" + caller + ":" + n;
                            boolean afterRestart = restarted.get();
                            try {
                                redis.send("SET", key, "v");
                                acknowledged.add(key);
                                if (afterRestart) {
                                    ackedAfterRestart.incrementAndGet();
                                }
                            } catch (RedisException e) {
                                failed++;
                            }
                        }
                        return failed;
                    }));
                }
                Thread.sleep(1000);
                server.kill();
                Thread.sleep(1000);
                server.restart();
                restarted.set(true);
                Thread.sleep(1500);
            } finally {
                stop.set(true);
                callers.shutdown();
            }
            assertThat(callers.awaitTermination(BOUND.toSeconds(), TimeUnit.SECONDS)).as("every caller returned").isTrue();
            int failedCalls = 0;
            for (Future<Integer> each : failures) {
                failedCalls += each.get();
            }

            assertThat(failedCalls).as("calls failed while Redis was down").isPositive();
            assertThat(ackedAfterRestart.get()).as("writes acknowledged after the restart, same application").isPositive();
            List<String> keys = new ArrayList<>(acknowledged);
            for (int from = 0; from < keys.size(); from += 500) {
                List<String> chunk = keys.subList(from, Math.min(keys.size(), from + 500));
                assertThat(redis.execute(ReplyType.LONG, "EXISTS", chunk.toArray())).as("acknowledged keys present").isEqualTo(chunk.size());
            }
        }
    }

    @Test
    void shouldOpenTheBreakerOnDebugSleepAndClientPauseAndCloseItAfter() throws Exception {
        try (RedisServer server = RedisServer.builder().enableDebugCommand().start();
                TestConfig config = TestConfig.of("redis.hosts", server.uri(), "redis.timeout", "300ms",
                        "redis.circuit-breaker.request-volume-threshold", "4", "redis.circuit-breaker.delay", "1s");
                WeldContainer weld = Containers.boot()) {
            RedisClient redis = weld.select(RedisClient.class).get();
            redis.send("PING").toCompletableFuture().get(5, TimeUnit.SECONDS);
            ExecutorService admin = Executors.newSingleThreadExecutor();
            try {
                Future<String> sleeping = admin.submit(() -> server.command(Duration.ofSeconds(10), "DEBUG", "SLEEP", "1.5"));
                Thread.sleep(100);
                assertBreakerOpensThenCloses(redis);
                sleeping.get(10, TimeUnit.SECONDS);

                server.command("CLIENT", "PAUSE", "1500", "ALL");
                assertBreakerOpensThenCloses(redis);
            } finally {
                admin.shutdownNow();
            }
        }
    }

    private static void assertBreakerOpensThenCloses(RedisClient redis) throws Exception {
        List<CompletableFuture<Outcome<Response>>> stalled = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            stalled.add(Outcome.of(redis.send("GET", "stalled")));
        }
        CompletableFuture.allOf(stalled.toArray(CompletableFuture[]::new)).get(BOUND.toMillis(), TimeUnit.MILLISECONDS);
        assertThat(stalled).extracting(CompletableFuture::join)
                .allSatisfy(outcome -> assertThat(outcome.failure()).isInstanceOf(RedisTimeoutException.class));

        Outcome<Response> refused = Outcome.of(redis.send("GET", "stalled")).get(BOUND.toMillis(), TimeUnit.MILLISECONDS);
        assertThat(refused.failure()).isInstanceOf(RedisCircuitOpenException.class)
                .hasMessageContaining("circuit breaker is open");

        assertThat(Eventually.get(Duration.ofSeconds(10), () -> redis.execute(ReplyType.STRING, "PING").toCompletableFuture()
                .get(2, TimeUnit.SECONDS))).isEqualTo("PONG");
    }

    @Test
    void shouldRefuseAtOnceWhatExceedsTheQueueAndThePool() throws Exception {
        try (RedisServer server = RedisServer.builder().start();
                TestConfig config = TestConfig.of("redis.hosts", server.uri(), "redis.timeout", "2s",
                        "redis.max-waiting-handlers", "2", "redis.max-queued-commands", "3",
                        "redis.max-pool-size", "2", "redis.max-pool-waiting", "1", "redis.max-blocking-connections", "1");
                WeldContainer weld = Containers.boot()) {
            RedisClient redis = weld.select(RedisClient.class).get();
            redis.send("PING").toCompletableFuture().get(5, TimeUnit.SECONDS);

            server.freeze();
            List<CompletableFuture<Response>> calls = new ArrayList<>();
            try {
                for (int i = 0; i < 10; i++) {
                    calls.add(redis.send("GET", "queue:" + i).toCompletableFuture());
                }
                assertThat(calls.subList(5, 10)).as("beyond 2 in flight and 3 queued, refused before returning")
                        .allSatisfy(call -> assertThat(call).isCompletedExceptionally()
                                .failsWithin(Duration.ZERO).withThrowableOfType(java.util.concurrent.ExecutionException.class)
                                .havingCause().isInstanceOf(RedisOverloadedException.class));
                assertThat(calls.subList(0, 5)).allSatisfy(call -> assertThat(call).isNotDone());
            } finally {
                server.unfreeze();
            }

            // the blocking commands' connections: one, and one caller may wait for it
            CompletableFuture<Response> first = redis.send("BLPOP", "empty", 2).toCompletableFuture();
            Thread.sleep(200);
            CompletableFuture<Response> second = redis.send("BLPOP", "empty", 2).toCompletableFuture();
            CompletableFuture<Response> third = redis.send("BLPOP", "empty", 2).toCompletableFuture();
            assertThat(third).failsWithin(Duration.ofSeconds(1)).withThrowableOfType(java.util.concurrent.ExecutionException.class)
                    .havingCause().isInstanceOf(RedisOverloadedException.class).withMessageContaining("max-pool-waiting");
            assertThat(first).as("the first still blocks in Redis when the third is refused").isNotDone();
            assertThat(first.get(10, TimeUnit.SECONDS)).isNull();
            assertThat(second.get(10, TimeUnit.SECONDS)).isNull();
        }
    }

    @Test
    void shouldRetryWhatWasNeverSentAndWhatIsIdempotentButNotAnIncrInFlight() throws Exception {
        try (RedisServer server = RedisServer.builder().start();
                TestConfig config = TestConfig.of("redis.hosts", server.uri(), "redis.timeout", "10s",
                        "redis.retry.max-retries", "20", "redis.retry.delay", "200ms", "redis.retry.max-duration", "15s",
                        // retries only: on a busy machine the restarts below last long enough for the breaker to open
                        "redis.circuit-breaker.enabled", "false");
                WeldContainer weld = Containers.boot()) {
            RedisClient redis = weld.select(RedisClient.class).get();
            redis.send("PING").toCompletableFuture().get(5, TimeUnit.SECONDS);

            server.freeze();
            CompletableFuture<Outcome<Response>> get = Outcome.of(redis.send("GET", "inflight"));
            CompletableFuture<Outcome<Response>> incr = Outcome.of(redis.send("INCR", "inflight:n"));
            CompletableFuture<Outcome<Response>> tolerated = Outcome.of(redis.assumingIdempotent().send("INCR", "inflight:m"));
            Thread.sleep(300);
            server.kill(); // with the three commands written to the frozen server's socket
            server.restart();

            assertThat(get.get(BOUND.toMillis(), TimeUnit.MILLISECONDS).failure()).as("GET retried").isNull();
            Throwable incrFailure = incr.get(BOUND.toMillis(), TimeUnit.MILLISECONDS).failure();
            assertThat(incrFailure).isInstanceOf(RedisConnectionLostException.class).hasMessageContaining("may or may not have run");
            assertThat(((RedisException) incrFailure).isSafeToRetry()).isFalse();
            assertThat(tolerated.get(BOUND.toMillis(), TimeUnit.MILLISECONDS).value().toLong()).as("INCR retried on request").isEqualTo(1);
            assertThat(server.command("GET", "inflight:n")).as("the INCR in flight was not sent again").isNull();

            server.stop();
            CompletableFuture<Outcome<Response>> unsent = Outcome.of(redis.send("INCR", "unsent"));
            CompletableFuture<Outcome<List<Response>>> unsentBatch = Outcome.of(redis.batch(List.of(
                    Request.cmd(Command.INCR).arg("unsent:batch"), Request.cmd(Command.INCR).arg("unsent:batch"))));
            Thread.sleep(500);
            server.restart();
            Outcome<Response> outcome = unsent.get(BOUND.toMillis(), TimeUnit.MILLISECONDS);
            assertThat(outcome.failure()).as("an INCR never sent is retried").isNull();
            assertThat(outcome.value().toLong()).isEqualTo(1);
            Outcome<List<Response>> batchOutcome = unsentBatch.get(BOUND.toMillis(), TimeUnit.MILLISECONDS);
            assertThat(batchOutcome.failure()).as("a batch of INCRs whose connection never opened is retried").isNull();
            assertThat(batchOutcome.value()).extracting(Response::toLong).containsExactly(1L, 2L);
        }
    }

    private static int totalConnections(RedisServer server) {
        String stats = server.command("INFO", "stats");
        java.util.regex.Matcher matcher = java.util.regex.Pattern.compile("total_connections_received:(\\d+)").matcher(stats);
        if (!matcher.find()) {
            throw new AssertionError("no total_connections_received in INFO: " + stats);
        }
        return Integer.parseInt(matcher.group(1));
    }
}
