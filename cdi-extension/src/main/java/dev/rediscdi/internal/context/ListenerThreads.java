package dev.rediscdi.internal.context;

import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;

import io.vertx.core.impl.ContextInternal;

/**
 * The threads subscription listeners run on, apart from every pool that runs anything else.
 *
 * <p>A listener may block (a JDBC call, an HTTP call), and a listener that blocks must delay its own subscription's
 * next messages and nothing else. On Vert.x's worker pool, twenty blocked listeners (its default size) would hold
 * every other listener and every command's continuation. So listeners get threads of their own
 * ({@link ElasticThreads}): as many as listeners run at once. Each listener gets a {@link #lane() lane} on it: its calls run one at a time, in
 * order. A lane whose thread could not start ({@link ThreadStarts}) keeps its calls and tries again on a timer, or with
 * its next call if that comes first.
 */
final class ListenerThreads implements AutoCloseable {
    /** Calls one lane runs before it lets the other lanes' calls have the thread. */
    private static final int CALLS_PER_TURN = 64;

    private final ExecutorService threads;
    private final ThreadStarts starts;
    /** The event loop whose timers try again to start what could not start. */
    private final ContextInternal timers;

    ListenerThreads(ContextInternal timers) {
        this(ElasticThreads.create("redis-subscription-listener-"), timers);
    }

    ListenerThreads(ExecutorService threads, ContextInternal timers) {
        this.threads = threads;
        this.starts = new ThreadStarts(threads, "Redis subscription listeners");
        this.timers = timers;
    }

    /** A new lane: what is given to it runs one task at a time, in the order given. */
    Executor lane() {
        return new Lane();
    }

    /** Stops the idle threads; a listener call running now finishes; none starts after this. */
    @Override
    public void close() {
        threads.shutdown();
    }

    /** The JDK's serial executor pattern ({@link Executor}'s javadoc): a queue drained by one pool task at a time. */
    private final class Lane implements Executor {
        private final Queue<Runnable> tasks = new ConcurrentLinkedQueue<>();
        private final AtomicBoolean draining = new AtomicBoolean();
        /** A timer will try again to start this lane's thread. */
        private final AtomicBoolean retrying = new AtomicBoolean();

        @Override
        public void execute(Runnable task) {
            tasks.add(task);
            if (!retrying.get()) { // else the timer tries again soon: not every message against a process at its limit of threads
                drainIfIdle();
            }
        }

        private void drainIfIdle() {
            if (!tasks.isEmpty() && draining.compareAndSet(false, true)) {
                boolean started;
                try {
                    started = starts.start(this::drain);
                } catch (RejectedExecutionException closed) {
                    tasks.clear(); // the client is closing: no listener call starts any more
                    return;
                }
                if (!started) {
                    draining.set(false);
                    retryLater();
                }
            }
        }

        private void retryLater() {
            if (retrying.compareAndSet(false, true)) {
                try {
                    timers.setTimer(ThreadStarts.RETRY_MILLIS, id -> {
                        retrying.set(false);
                        drainIfIdle();
                    });
                } catch (RuntimeException closing) { // Vert.x is closing: no timer any more; the next call tries again
                    retrying.set(false);
                }
            }
        }

        private void drain() {
            try {
                Runnable task;
                for (int run = 0; run < CALLS_PER_TURN && (task = tasks.poll()) != null; run++) {
                    if (threads.isShutdown()) {
                        tasks.clear(); // closed meanwhile: no call starts any more
                        return;
                    }
                    task.run();
                }
            } finally {
                draining.set(false);
                drainIfIdle();
            }
        }
    }
}
