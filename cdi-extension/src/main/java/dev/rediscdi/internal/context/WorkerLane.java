package dev.rediscdi.internal.context;

import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import java.util.logging.Level;
import java.util.logging.Logger;

import io.vertx.core.impl.ContextInternal;

/**
 * Runs continuations on a worker pool in batches: a task joins a queue, and a drainer, one pool task, runs the
 * queued tasks one after the other until the queue is empty.
 *
 * <p>Written here because handing each continuation to the pool on its own costs a thread wake-up per reply: Vert.x's
 * worker pool is a {@code ThreadPoolExecutor}, which signals an idle worker for every task, so a burst of 64 replies
 * read in one go woke up to 64 threads that then contended for the pool's queue (measured: a third of the client's
 * CPU per command with 64 commands in flight). Vert.x's ordered worker contexts batch, but one task that blocks holds
 * every later one for good; neither JDK pool fits either (a {@code ForkJoinPool} stalls on plain blocking calls).
 *
 * <p>A continuation may block (a JDBC call, a {@code join()} on another command): the others must not wait for it,
 * and one it waits for must not be stuck behind it. So a drainer starts when none runs, and another one whenever no
 * drainer has taken a task for {@link #STALL_NANOS} while tasks wait: every running one is then busy with one task.
 * That check runs when a task arrives and, while tasks wait, on a timer, so a blocked drainer never leaves a task
 * behind it for longer than about twice the stall time, even when nothing else arrives.
 */
final class WorkerLane implements Executor {
    private static final Logger LOG = Logger.getLogger(WorkerLane.class.getName());
    /** How long a drainer may stay on one task while others wait before another drainer starts. */
    static final long STALL_NANOS = TimeUnit.MILLISECONDS.toNanos(1);

    private final Executor pool;
    private final ContextInternal timers;
    private final Queue<Runnable> tasks = new ConcurrentLinkedQueue<>();
    private final AtomicInteger drainers = new AtomicInteger();
    private final AtomicBoolean watching = new AtomicBoolean();
    private final LongAdder drainersStarted = new LongAdder();
    private volatile long lastTakeNanos = System.nanoTime();

    /**
     * @param pool the worker pool the drainers run on
     * @param timers the context whose event loop runs the stall check while tasks wait
     */
    WorkerLane(Executor pool, ContextInternal timers) {
        this.pool = pool;
        this.timers = timers;
    }

    @Override
    public void execute(Runnable task) {
        tasks.offer(task);
        int running = drainers.get();
        if (running == 0) {
            if (drainers.compareAndSet(0, 1)) {
                start();
            }
        } else if (stalled()) {
            drainers.incrementAndGet();
            start();
        } else {
            watch();
        }
    }

    /** How many drainers started since this lane was made (each a pool task): few for many tasks, unless tasks block. */
    long drainersStarted() {
        return drainersStarted.sum();
    }

    private boolean stalled() {
        return !tasks.isEmpty() && System.nanoTime() - lastTakeNanos > STALL_NANOS;
    }

    /** Starts a drainer already counted in {@link #drainers}. */
    private void start() {
        lastTakeNanos = System.nanoTime(); // one more start per stall period at most
        drainersStarted.increment();
        try {
            pool.execute(this::drain);
        } catch (RejectedExecutionException closing) { // the pool is closing: run the tasks here rather than never
            drain();
        }
    }

    private void drain() {
        boolean counted = true;
        try {
            while (true) {
                Runnable task;
                while ((task = tasks.poll()) != null) {
                    lastTakeNanos = System.nanoTime();
                    try {
                        task.run();
                    } catch (RuntimeException e) { // one failing task must not strand the ones queued behind it
                        LOG.log(Level.WARNING, "a continuation of a Redis command failed", e);
                    }
                }
                drainers.decrementAndGet();
                counted = false;
                // a task offered after the poll above, whose sender still counted this drainer, is taken here
                if (tasks.isEmpty()) {
                    return;
                }
                drainers.incrementAndGet();
                counted = true;
            }
        } finally {
            if (counted) { // an Error left the loop
                drainers.decrementAndGet();
            }
        }
    }

    /** While tasks wait, checks every stall period that some drainer takes them, from a timer: no task is left behind. */
    private void watch() {
        if (!watching.get() && watching.compareAndSet(false, true)) {
            try {
                timers.setTimer(Math.max(1, TimeUnit.NANOSECONDS.toMillis(STALL_NANOS)), id -> check());
            } catch (RuntimeException closing) { // Vert.x is closing: no timer any more
                watching.set(false);
            }
        }
    }

    private void check() {
        watching.set(false);
        if (tasks.isEmpty()) {
            return;
        }
        if (stalled()) {
            drainers.incrementAndGet();
            start();
        }
        if (drainers.get() > 0) {
            watch();
        }
    }
}
