package dev.rediscdi.internal.context;

import java.util.concurrent.Future;

import io.vertx.core.Context;

/**
 * What a thread that waits for a reply ({@code join()}, {@code get()}, the blocking client) does before the JDK
 * parks it: it yields the processor a bounded number of times, looking at the future in between.
 *
 * <p>Why: a parked thread costs the event loop that completes its future a {@code futex} call, and the thread
 * itself a wake-up by the scheduler, which on a busy or virtualised machine takes longer than a reply from a local
 * Redis. A thread that yields instead is usually still running when its reply arrives: on the 2-core machine of
 * the benchmarks, one blocking GET after another went from about 11k to 26-31k a second, and 64 threads each
 * waiting for its reply from about 140k to 170-210k commands a second (A/B rounds, same Redis).
 *
 * <p>What it costs: a yield gives the processor to any other thread that can run, so under load the waiting thread
 * takes nothing from the work it waits for; on an idle processor the {@value #YIELDS} yields take about 60 µs, once
 * per wait, before the thread parks as it always did. The JDK's own hand-offs do the same ({@code SynchronousQueue}
 * and {@code LinkedTransferQueue} spin before they park; {@code CompletableFuture} did until Java 9).
 *
 * <p>Never on an event loop (that thread must not wait at all: it gets the JDK's wait unchanged, which Vert.x reports
 * as blocking), and not for a thread that is interrupted (it is told at once).
 */
final class BriefWait {
    static final int YIELDS = 128;

    private BriefWait() {
    }

    /** Returns when {@code future} is done or after {@value #YIELDS} yields, whichever comes first. */
    static void yieldWhileRunning(Future<?> future) {
        if (future.isDone() || Context.isOnEventLoopThread() || Thread.currentThread().isInterrupted()) {
            return;
        }
        for (int i = 0; i < YIELDS && !future.isDone(); i++) {
            Thread.yield();
        }
    }

    /** The same, but never past {@code deadlineNanos} ({@link System#nanoTime()}). */
    static void yieldWhileRunning(Future<?> future, long deadlineNanos) {
        if (future.isDone() || Context.isOnEventLoopThread() || Thread.currentThread().isInterrupted()) {
            return;
        }
        for (int i = 0; i < YIELDS && !future.isDone() && deadlineNanos - System.nanoTime() > 0; i++) {
            Thread.yield();
        }
    }
}
