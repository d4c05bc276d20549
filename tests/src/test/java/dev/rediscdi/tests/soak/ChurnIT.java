package dev.rediscdi.tests.soak;

import static dev.rediscdi.tests.soak.OneOfEachCall.done;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

import org.jboss.weld.environment.se.WeldContainer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import dev.rediscdi.NamedRedisClient;
import dev.rediscdi.RedisClient;
import dev.rediscdi.RedisException;
import dev.rediscdi.RedisMessage;
import dev.rediscdi.RedisReplyException;
import dev.rediscdi.RedisTimeoutException;
import dev.rediscdi.RedisTransactionConflictException;
import dev.rediscdi.ReplyType;
import dev.rediscdi.ScanArgs;
import dev.rediscdi.Subscription;
import dev.rediscdi.testing.RedisServer;
import dev.rediscdi.testing.RedisServerExtension;
import dev.rediscdi.tests.Containers;
import dev.rediscdi.tests.Eventually;
import dev.rediscdi.tests.TestConfig;

/**
 * Calls that make state of their own in the client (a subscription, a lease, a transaction, a SCAN cursor, a command
 * waiting for its deadline), made hundreds of times and ended every way but the happy one: dropped, failed, in
 * conflict, timed out against a frozen Redis, cut by CLIENT KILL. Afterwards the heap holds no more of the library's
 * objects than before, give or take what its pools keep (a class histogram after a full GC, class by class).
 */
class ChurnIT {
    private static final Duration BOUND = OneOfEachCall.BOUND;
    /** The objects per class the client may hold beyond those before the churn: pooled connections, idle threads, a lease line's tickets. */
    private static final long POOL_SLACK = 16;
    private static final int SUBSCRIPTIONS = 1_000;
    private static final int FAILED_LEASES = 300;
    private static final int FAILED_TRANSACTIONS = 450;
    private static final int DROPPED_SCANS = 400;
    private static final int FROZEN_CALLS = 400;
    private static final Duration FREEZE = Duration.ofMillis(1_500);
    private static final int KILL_ROUNDS = 10;

    @RegisterExtension
    static final RedisServerExtension REDIS = new RedisServerExtension(RedisServer.builder());

    @RegisterExtension
    final TestConfig config = TestConfig.of("redis.hosts", REDIS.server().uri(),
            // the frozen Redis is met by a client of its own, whose timeout fits twice into the freeze, and whose breaker
            // stays closed: each call waits for its own deadline, rather than fail fast once others timed out
            "redis.quick.hosts", REDIS.server().uri(), "redis.quick.timeout", "500ms", "redis.quick.circuit-breaker.enabled", "false");

    private final String prefix = "churn:" + UUID.randomUUID() + ":";

    @Test
    void shouldHoldNoMoreOfItsObjectsAfterThousandsOfDroppedFailedAndTimedOutCalls() throws Exception {
        try (WeldContainer container = Containers.boot()) {
            RedisClient redis = container.select(RedisClient.class).get();
            RedisClient quick = container.select(RedisClient.class, NamedRedisClient.Literal.of("quick")).get();
            prepareScannedKeys(redis);
            // every kind once: connections, pools and threads exist before the census, as in an application that runs
            subscribeAndDrop(redis, 1);
            failedLeases(redis, 2);
            failedTransactions(redis, 3);
            droppedScans(redis, 2);
            frozenCalls(quick, 4, Duration.ofMillis(800));
            killRound(redis, quick, 0);
            Map<String, Long> before = HeapCensus.of(HeapCensus::libraryOrDriver);
            Threads threadsBefore = Threads.now();

            subscribeAndDrop(redis, SUBSCRIPTIONS);
            failedLeases(redis, FAILED_LEASES);
            failedTransactions(redis, FAILED_TRANSACTIONS);
            droppedScans(redis, DROPPED_SCANS);
            frozenCalls(quick, FROZEN_CALLS, FREEZE);
            for (int round = 1; round <= KILL_ROUNDS; round++) {
                killRound(redis, quick, round);
            }

            Map<String, Long> after = HeapCensus.once(HeapCensus::libraryOrDriver,
                    census -> HeapCensus.grownBeyond(before, census, POOL_SLACK).isEmpty(), BOUND);
            assertThat(HeapCensus.grownBeyond(before, after, POOL_SLACK)).as("classes with more than %d live objects more than before the churn",
                    POOL_SLACK).isEmpty();
            Threads threadsAfter = Threads.settled(threadsBefore, (int) POOL_SLACK, BOUND);
            assertThat(threadsAfter.total()).as("threads before %s, after %s", threadsBefore, threadsAfter)
                    .isLessThanOrEqualTo(threadsBefore.total() + (int) POOL_SLACK);
        }
    }


    private void subscribeAndDrop(RedisClient redis, int times) throws Exception {
        for (int i = 0; i < times; i++) {
            Subscription subscription = done(redis.subscribe(message -> { }, prefix + "channel:" + i));
            done(subscription.unsubscribe());
        }
    }

    /** Work that throws, work whose command Redis refuses, work whose stage fails after a command ran. */
    private void failedLeases(RedisClient redis, int times) throws Exception {
        done(redis.send("SET", prefix + "text", "not a number"));
        for (int i = 0; i < times; i++) {
            Function<dev.rediscdi.ScopedConnection, CompletionStage<Object>> work = switch (i % 3) {
                case 0 -> connection -> {
                    throw new IllegalStateException("work " + 0 + " failed");
                };
                case 1 -> connection -> connection.execute(ReplyType.LONG, "INCR", prefix + "text").thenApply(Object.class::cast);
                default -> connection -> connection.send("PING").thenCompose(pong -> CompletableFuture.failedFuture(new IllegalStateException("work 2 failed")));
            };
            Throwable failure = failure(redis.withConnection(work));
            assertThat(failure).as("lease %d", i).isInstanceOfAny(IllegalStateException.class, RedisReplyException.class);
        }
    }

    /** WATCH conflicts, reads Redis refuses after WATCH, and writes that throw while queued. */
    private void failedTransactions(RedisClient redis, int times) throws Exception {
        String watched = prefix + "watched";
        done(redis.send("SET", watched, "0"));
        for (int i = 0; i < times; i++) {
            CompletionStage<?> transaction = switch (i % 3) {
                case 0 -> redis.transaction(List.of(watched), 1, reads -> redis.value(Long.class).incr(watched), // another writer, after WATCH
                        (count, tx) -> tx.value(Long.class).set(watched, 0L));
                case 1 -> redis.transaction(List.of(watched), 1, reads -> reads.hash(String.class).hget(prefix + "text", "f"),
                        (value, tx) -> tx.value(String.class).set(watched, "never"));
                default -> redis.transaction(List.of(watched), 1, reads -> reads.value(Long.class).get(watched), (count, tx) -> {
                    throw new IllegalStateException("write failed");
                });
            };
            Throwable failure = failure(transaction);
            assertThat(failure).as("transaction %d", i).isInstanceOfAny(RedisTransactionConflictException.class, RedisReplyException.class,
                    IllegalStateException.class);
        }
    }

    private void prepareScannedKeys(RedisClient redis) throws Exception {
        List<Object> keysAndValues = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            keysAndValues.add(prefix + "scan:" + i);
            keysAndValues.add(i);
        }
        done(redis.send("MSET", keysAndValues.toArray()));
    }

    /** Half on the asynchronous iteration (its action throws on the first key), half on the blocking one (left after its first key). */
    private void droppedScans(RedisClient redis, int times) throws Exception {
        ScanArgs pages = new ScanArgs().match(prefix + "scan:*").count(10);
        for (int i = 0; i < times; i++) {
            if (i % 2 == 0) {
                CompletionStage<Void> scan = redis.keys().scan(pages).forEach(key -> {
                    throw new IllegalStateException("dropped");
                });
                assertThat(failure(scan)).as("scan %d", i).hasMessage("dropped");
            } else {
                Iterator<String> keys = redis.blocking().keys().scan(pages).iterator();
                assertThat(keys.next()).startsWith(prefix + "scan:");
            }
        }
    }

    /** What {@link #frozenCalls} sends, in turn. */
    private static final String[] KINDS = {"a GET", "a typed SET", "a withConnection PING", "a BLPOP"};

    /**
     * Calls of every kind made while Redis is stopped (SIGSTOP): pipelined commands, typed ones, leases, blocking pops;
     * each fails at its deadline, long before Redis runs again.
     */
    private void frozenCalls(RedisClient quick, int calls, Duration freeze) throws Exception {
        assertThat(done(quick.send("PING")).toString()).isEqualTo("PONG");
        List<CompletableFuture<?>> pending = new ArrayList<>();
        List<String> kinds = new ArrayList<>();
        long frozenAt = System.nanoTime();
        REDIS.server().freeze();
        try {
            for (int i = 0; i < calls; i++) {
                String key = prefix + "frozen:" + i;
                CompletionStage<?> call = switch (i % 4) {
                    case 0 -> quick.send("GET", key);
                    case 1 -> quick.value(String.class).set(key, "v");
                    case 2 -> quick.withConnection(connection -> connection.send("PING"));
                    default -> quick.list(String.class).blpop(Duration.ofMillis(100), key);
                };
                pending.add(call.toCompletableFuture());
                kinds.add(KINDS[i % 4]);
            }
            CompletableFuture<Void> all = CompletableFuture.allOf(pending.toArray(CompletableFuture[]::new));
            long left = freeze.toNanos() - (System.nanoTime() - frozenAt);
            all.handle((ok, error) -> null).get(Math.max(0, left), TimeUnit.NANOSECONDS);
        } catch (java.util.concurrent.TimeoutException stillFrozen) {
            // checked below: every call must have ended while Redis was stopped
        } finally {
            REDIS.server().unfreeze();
        }
        Map<String, Integer> outcomes = new TreeMap<>();
        for (int i = 0; i < pending.size(); i++) {
            CompletableFuture<?> call = pending.get(i);
            String outcome = !call.isDone() ? kinds.get(i) + " still pending when Redis ran again" : outcome(call);
            outcomes.merge(outcome, 1, Integer::sum);
        }
        assertThat(outcomes).as("the %d calls made while Redis was stopped for %d ms", calls, freeze.toMillis())
                .containsOnlyKeys(RedisTimeoutException.class.getSimpleName());
        Eventually.get(BOUND, () -> done(quick.send("PING")));
    }

    /** Closes every connection of the clients (CLIENT KILL), then checks that every kind of call works again. */
    private void killRound(RedisClient redis, RedisClient quick, int round) throws Exception {
        REDIS.server().command("CLIENT", "KILL", "TYPE", "normal");
        REDIS.server().command("CLIENT", "KILL", "TYPE", "pubsub");
        for (RedisClient client : List.of(redis, quick)) {
            // the first call after the kill may meet the closed connection: said once, answered after that
            Eventually.get(BOUND, () -> done(client.send("SET", prefix + "killed", round)));
            Eventually.get(BOUND, () -> done(client.withConnection(connection -> connection.send("GET", prefix + "killed"))));
            Eventually.get(BOUND, () -> done(client.transaction(tx -> tx.value(Long.class).incr(prefix + "kills"))));
        }
        LinkedBlockingQueue<RedisMessage> heard = new LinkedBlockingQueue<>();
        Subscription subscription = Eventually.get(BOUND, () -> done(redis.subscribe(heard::add, prefix + "after-kill")));
        RedisMessage message = Eventually.get(BOUND, () -> {
            done(redis.send("PUBLISH", prefix + "after-kill", "round " + round));
            RedisMessage each = heard.poll(100, TimeUnit.MILLISECONDS);
            if (each == null) {
                throw new IllegalStateException("nothing heard after kill round " + round);
            }
            return each;
        });
        assertThat(message.payloadAsString()).startsWith("round " + round);
        done(subscription.unsubscribe());
    }


    private static String outcome(CompletableFuture<?> call) {
        Throwable failure = failure(call);
        return failure == null ? "succeeded" : failure.getClass().getSimpleName();
    }

    /** The failure of {@code stage} once it completed within the bound; {@code null} if it succeeded. */
    private static Throwable failure(CompletionStage<?> stage) {
        try {
            stage.toCompletableFuture().get(BOUND.toMillis(), TimeUnit.MILLISECONDS);
            return null;
        } catch (ExecutionException failed) {
            return failed.getCause();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError("a call did not complete within " + BOUND, e);
        }
    }
}
