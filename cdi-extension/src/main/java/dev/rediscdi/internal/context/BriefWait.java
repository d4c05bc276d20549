package dev.rediscdi.internal.context;

import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import io.vertx.core.Context;

/**
 * What a thread that waits for a reply ({@code join()}, {@code get()}, the blocking client) does before the JDK
 * parks it: it yields the processor a bounded number of times, looking at the future in between. One per client.
 *
 * <p>Why: a parked thread costs the event loop that completes its future a {@code futex} call, and the thread
 * itself a wake-up by the scheduler, which on a busy or virtualised machine takes longer than a reply from a local
 * Redis. A thread that yields instead is usually still running when its reply arrives: on the 2-core machine of
 * the benchmarks, one blocking GET after another went from about 13k to 29-33k a second, and 64 threads each
 * waiting for its reply from about 140k to 162-177k commands a second (medians of full benchmark runs).
 *
 * <p>What it costs: a yield gives the processor to any other thread that can run, so under load the waiting thread
 * takes nothing from the work it waits for; on an idle processor the {@value #YIELDS} yields take about 60 µs, once
 * per wait, before the thread parks as it always did. When replies come later than that (a Redis across a network,
 * slow commands) those microseconds buy nothing: the client then stops yielding once waits that outlast the yields
 * (by less than {@link #LONG_WAIT_NANOS}) outnumber those that do not, and tries again with one wait in
 * {@value #PROBE_EVERY}. The JDK's own hand-offs spin before they park too ({@code SynchronousQueue},
 * {@code LinkedTransferQueue}; {@code CompletableFuture} until Java 9).
 *
 * <p>Never on an event loop (that thread must not wait at all: it gets the JDK's wait unchanged, which Vert.x reports
 * as blocking), and not for a thread that is interrupted (it is told at once).
 */
final class BriefWait {
    static final int YIELDS = 128;
    static final int PROBE_EVERY = 32;
    /** How far the score may run either way: after this many waits the other way, the client changes its mind. */
    private static final int SCORE_LIMIT = 8;
    /** What {@link #yieldWhileRunning} returns when there is nothing to tell {@link #waited} afterwards. */
    static final long NOT_OUTLASTED = Long.MIN_VALUE;
    static final long LONG_WAIT_NANOS = TimeUnit.MILLISECONDS.toNanos(2);

    /**
     * Waits the yields served minus those they did not, within {@code ±SCORE_LIMIT}. Read and written without
     * synchronisation on purpose: a lost update among racing waiters only shifts the score by one.
     */
    private int score = SCORE_LIMIT;
    private int skipped;

    /**
     * Returns when {@code future} is done or after {@value #YIELDS} yields, whichever comes first.
     *
     * @return when the yields ended with the future still running, to give {@link #waited} once the caller's wait
     *         is over; {@link #NOT_OUTLASTED} otherwise
     */
    long yieldWhileRunning(Future<?> future) {
        return yieldWhileRunning(future, Long.MAX_VALUE, false);
    }

    /** The same, but never past {@code deadlineNanos} ({@link System#nanoTime()}). */
    long yieldWhileRunning(Future<?> future, long deadlineNanos) {
        return yieldWhileRunning(future, deadlineNanos, true);
    }

    private long yieldWhileRunning(Future<?> future, long deadlineNanos, boolean timed) {
        if (future.isDone() || Context.isOnEventLoopThread() || Thread.currentThread().isInterrupted() || !worthYielding()) {
            return NOT_OUTLASTED;
        }
        int yields = 0;
        while (yields < YIELDS && !future.isDone()) {
            if (timed && deadlineNanos - System.nanoTime() <= 0) {
                return NOT_OUTLASTED; // the caller's timeout came first: says nothing of the pace of replies
            }
            Thread.yield();
            yields++;
        }
        if (yields < YIELDS || future.isDone()) {
            if (score < SCORE_LIMIT) { // no store once settled: every waiting thread reads this field
                score++;
            }
            return NOT_OUTLASTED;
        }
        return System.nanoTime();
    }

    /**
     * The wait that outlasted the yields ended. One that took {@link #LONG_WAIT_NANOS} or more is not held against
     * yielding: a blocking pop, a slow script or a caller's long chain of stages, not the pace of the replies, made it
     * long, and the yields cost little next to it.
     *
     * @param outlastedAt what {@link #yieldWhileRunning} returned
     */
    void waited(long outlastedAt) {
        if (outlastedAt != NOT_OUTLASTED && System.nanoTime() - outlastedAt < LONG_WAIT_NANOS && score > -SCORE_LIMIT) {
            score--;
        }
    }

    /** Whether the next wait yields: while the yields serve more waits than not, else one wait in {@value #PROBE_EVERY}. */
    boolean worthYielding() {
        return score > 0 || ++skipped % PROBE_EVERY == 0;
    }
}
