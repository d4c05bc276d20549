package dev.rediscdi.tests.topology;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntFunction;

import dev.rediscdi.RedisClient;
import dev.rediscdi.ReplyType;

/**
 * Writes issued at a steady rate by a few scheduled writers (each write asynchronous, so a slow one never delays the
 * next), every outcome recorded with when it started and when the caller learnt it. Bounded in count: after
 * {@code maxWrites} nothing more is issued.
 */
final class SteadyWrites implements AutoCloseable {

    /** What one write does: completes with {@code true} if a replica confirmed it, {@code false} if only acknowledged. */
    @FunctionalInterface
    interface Write {
        CompletionStage<Boolean> write(int index, String key, String value);
    }

    /** One write as its caller saw it. A write is confirmed only if acknowledged too. */
    record Outcome(int index, String key, String value, long startNanos, long endNanos, boolean acknowledged,
            boolean confirmed, Throwable error) {
    }

    private final ScheduledExecutorService writers;
    private final Queue<Outcome> outcomes = new ConcurrentLinkedQueue<>();
    private final AtomicInteger issued = new AtomicInteger();
    private final AtomicInteger pending = new AtomicInteger();
    private final AtomicLong lastFailureEnd = new AtomicLong(Long.MIN_VALUE);
    private final int maxWrites;
    private volatile boolean stopped;

    private SteadyWrites(int writerCount, int maxWrites) {
        this.writers = Executors.newScheduledThreadPool(writerCount, task -> {
            Thread thread = new Thread(task, "steady-writer");
            thread.setDaemon(true);
            return thread;
        });
        this.maxWrites = maxWrites;
    }

    /**
     * Starts {@code writerCount} writers that together issue {@code perSecond} writes a second, at most
     * {@code maxWrites} in all; write {@code i} has key {@code keys.apply(i)} and value {@code "v" + i}.
     */
    static SteadyWrites start(int writerCount, int perSecond, int maxWrites, IntFunction<String> keys, Write write) {
        SteadyWrites load = new SteadyWrites(writerCount, maxWrites);
        long periodNanos = TimeUnit.SECONDS.toNanos(1) * writerCount / perSecond;
        for (int w = 0; w < writerCount; w++) {
            load.writers.scheduleAtFixedRate(() -> load.issue(keys, write), w * periodNanos / writerCount, periodNanos,
                    TimeUnit.NANOSECONDS);
        }
        return load;
    }

    private void issue(IntFunction<String> keys, Write write) {
        if (stopped) {
            return;
        }
        int index = issued.getAndIncrement();
        if (index >= maxWrites) {
            stopped = true;
            return;
        }
        String key = keys.apply(index);
        String value = "v" + index;
        long start = System.nanoTime();
        pending.incrementAndGet();
        CompletionStage<Boolean> stage;
        try {
            stage = write.write(index, key, value);
        } catch (RuntimeException e) {
            stage = CompletableFuture.failedFuture(e);
        }
        stage.whenComplete((confirmed, error) -> {
            long end = System.nanoTime();
            if (error != null) {
                lastFailureEnd.accumulateAndGet(end, Math::max);
            }
            outcomes.add(new Outcome(index, key, value, start, end, error == null, error == null && Boolean.TRUE.equals(confirmed), error));
            pending.decrementAndGet();
        });
    }

    /**
     * Even writes: a plain SET. Odd writes: SET, then {@code WAIT <replicas> 100} on the same connection; confirmed
     * only if every replica had it. (Confirmed by fewer, a write is lost when Sentinel promotes a replica that had
     * not received it, which Redis allows: it picks by the offsets it last saw.)
     */
    static Write halfConfirmed(RedisClient redis, int replicas) {
        return (index, key, value) -> index % 2 == 0
                ? redis.send("SET", key, value).thenApply(ok -> false)
                : redis.withConnection(connection -> connection.send("SET", key, value)
                        .thenCompose(ok -> connection.execute(ReplyType.LONG, "WAIT", replicas, 100)))
                        .thenApply(acknowledged -> acknowledged >= replicas);
    }

    /** Writes issued so far. */
    int issued() {
        return Math.min(issued.get(), maxWrites);
    }

    /** Waits (at most {@code within}) until {@code count} writes were issued. */
    void awaitIssued(int count, Duration within) throws InterruptedException {
        long deadline = System.nanoTime() + within.toNanos();
        while (issued() < count) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("only " + issued() + " of " + count + " writes issued within " + within.toMillis() + " ms");
            }
            Thread.sleep(5);
        }
    }

    /**
     * Waits (at most {@code within}) until a write started after {@code sinceNanos} and after the last failure so far
     * succeeded: the client writes again. Returns when that write ended.
     */
    long awaitWritingAgain(long sinceNanos, Duration within) throws InterruptedException {
        long deadline = System.nanoTime() + within.toNanos();
        while (System.nanoTime() < deadline) {
            long after = Math.max(sinceNanos, lastFailureEnd.get());
            Long end = outcomes.stream().filter(o -> o.acknowledged() && o.startNanos() > after)
                    .map(Outcome::endNanos).min(Comparator.naturalOrder()).orElse(null);
            if (end != null && lastFailureEnd.get() <= after) {
                return end;
            }
            Thread.sleep(20);
        }
        throw new AssertionError("no write succeeded within " + within.toMillis() + " ms; last failure: " + lastFailure());
    }

    /** Stops issuing writes and waits (at most {@code within}) for every issued write to end; returns all, in order. */
    List<Outcome> finish(Duration within) throws InterruptedException {
        stopped = true;
        writers.shutdown();
        if (!writers.awaitTermination(within.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new AssertionError("writers still running after " + within.toMillis() + " ms");
        }
        long deadline = System.nanoTime() + within.toNanos();
        while (pending.get() > 0) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError(pending.get() + " writes still without an outcome after " + within.toMillis() + " ms");
            }
            Thread.sleep(10);
        }
        List<Outcome> all = new ArrayList<>(outcomes);
        all.sort(Comparator.comparingInt(Outcome::index));
        return all;
    }

    private Throwable lastFailure() {
        return outcomes.stream().filter(o -> !o.acknowledged()).max(Comparator.comparingLong(Outcome::endNanos))
                .map(Outcome::error).orElse(null);
    }

    @Override
    public void close() {
        stopped = true;
        writers.shutdownNow();
    }
}
