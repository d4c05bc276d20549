package dev.rediscdi.internal.context;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A pool shaped like {@link ElasticThreads}' whose first thread starts fail as they do when the process may start no
 * more threads (its limit of threads or of memory reached): the JDK then throws {@code OutOfMemoryError: unable to
 * create native thread}; a thread factory that returns {@code null} makes the pool refuse the task instead.
 */
final class RefusingThreads {
    /** How a refused start shows. */
    enum Refusal { OUT_OF_MEMORY, NO_THREAD }

    private final AtomicInteger refusalsLeft;
    private final AtomicInteger attempts = new AtomicInteger();
    private final ExecutorService pool;

    RefusingThreads(int refusals, Refusal refusal) {
        this.refusalsLeft = new AtomicInteger(refusals);
        AtomicInteger count = new AtomicInteger();
        this.pool = new ThreadPoolExecutor(0, Integer.MAX_VALUE, 60, TimeUnit.SECONDS, new SynchronousQueue<>(), task -> {
            attempts.incrementAndGet();
            if (refusalsLeft.getAndUpdate(left -> Math.max(0, left - 1)) > 0) {
                if (refusal == Refusal.OUT_OF_MEMORY) {
                    throw new OutOfMemoryError("unable to create native thread: possibly out of memory or process/resource limits reached");
                }
                return null;
            }
            Thread thread = new Thread(task, "refusing-threads-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }

    ExecutorService pool() {
        return pool;
    }

    /** Threads the pool asked for, refused ones included. */
    int attempts() {
        return attempts.get();
    }

    /** Whether every refusal was used up: the pool starts threads again. */
    boolean startsAgain() {
        return refusalsLeft.get() == 0;
    }
}
