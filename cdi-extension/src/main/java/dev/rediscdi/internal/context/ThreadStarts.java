package dev.rediscdi.internal.context;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Hands tasks to a pool that starts a thread for each one it cannot give to an idle thread ({@link ElasticThreads}),
 * and says when the pool could not start one: the process at its limit of threads, or of memory for their stacks
 * ({@code OutOfMemoryError: unable to create native thread}), or a thread factory that made none (the pool then
 * refuses the task). Such a refusal passes; the caller, an event loop that read a reply or a message, keeps the task
 * and tries again later: thrown at it, the task would be lost, and the lane that gave it would wait for a thread that
 * never started.
 */
final class ThreadStarts {
    private static final Logger LOG = Logger.getLogger(ThreadStarts.class.getName());
    /** How long a lane whose thread could not start waits before it tries again: not a spin against a process at its limit. */
    static final long RETRY_MILLIS = 10;

    private final ExecutorService pool;
    private final String threads;
    /** Refused since the last start that worked: warned once for the whole stretch. */
    private final AtomicBoolean refusing = new AtomicBoolean();

    /** @param threads what the pool's threads run, for the log ("Redis continuations") */
    ThreadStarts(ExecutorService pool, String threads) {
        this.pool = pool;
        this.threads = threads;
    }

    /**
     * Gives {@code task} to the pool: {@code true} if a thread runs it, {@code false} if no thread could start (warned
     * once per stretch of refusals; retry after {@link #RETRY_MILLIS}).
     *
     * @throws RejectedExecutionException when the pool is shut down: the client is closing
     */
    boolean start(Runnable task) {
        try {
            pool.execute(task);
        } catch (RejectedExecutionException refused) {
            if (pool.isShutdown()) {
                throw refused;
            }
            return refused(refused);
        } catch (OutOfMemoryError refused) {
            return refused(refused);
        }
        if (refusing.get() && refusing.compareAndSet(true, false)) {
            LOG.log(Level.INFO, () -> "a thread for " + threads + " started again");
        }
        return true;
    }

    /** Whether the last start was refused: lanes leave the next try to their timer rather than try on every task. */
    boolean refusing() {
        return refusing.get();
    }

    private boolean refused(Throwable cause) {
        if (refusing.compareAndSet(false, true)) {
            LOG.log(Level.WARNING, cause, () -> "could not start a thread for " + threads + "; what waits for one is kept and tried again every "
                    + RETRY_MILLIS + " ms (the process may have reached its limit of threads or of memory: see ulimit -u and the JVM's -Xss)");
        } else {
            LOG.log(Level.FINE, () -> "still no thread for " + threads + ": " + cause);
        }
        return false;
    }
}
