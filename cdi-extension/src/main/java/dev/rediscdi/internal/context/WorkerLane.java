package dev.rediscdi.internal.context;

import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
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
 * <p>One rule keeps batching from costing what the pool gave: another drainer starts whenever the oldest waiting
 * task has waited longer than {@link #MAX_WAIT_NANOS} (at most one start per that period). Short continuations
 * (a reply handed on) are done by one drainer long before that; continuations that take time, by computing or by
 * blocking (a JDBC call, a {@code join()} on another command, maybe on one queued behind it), get as many drainers
 * as keep the wait under that bound, up to the pool's size. The rule is checked when a task arrives, when a drainer
 * takes one and, while tasks wait, on a timer: a task behind blocked drainers waits about a millisecond, even when
 * nothing else arrives.
 *
 * <p>A drainer the pool cannot start (no thread could be made: {@link ThreadStarts}) is not counted, and the timer
 * tries again every {@link ThreadStarts#RETRY_MILLIS} ms while tasks wait: the event loop that gave the task is not
 * thrown at, and the tasks run once a thread starts again.
 */
final class WorkerLane implements Executor {
    private static final Logger LOG = Logger.getLogger(WorkerLane.class.getName());
    /** How long the oldest task may wait before another drainer starts. */
    static final long MAX_WAIT_NANOS = TimeUnit.MICROSECONDS.toNanos(200);

    private final ThreadStarts pool;
    private final ContextInternal timers;
    private final Queue<Waiting> tasks = new ConcurrentLinkedQueue<>();
    private final AtomicInteger drainers = new AtomicInteger();
    /** Drainers handed to the pool that have not begun: while there is one, the pool is busy and another would queue too. */
    private final AtomicInteger notBegun = new AtomicInteger();
    private final AtomicBoolean watching = new AtomicBoolean();
    private final LongAdder drainersStarted = new LongAdder();
    private volatile long lastStartNanos = System.nanoTime();

    /**
     * @param pool the worker pool the drainers run on
     * @param timers the context whose event loop checks the waiting tasks while there are some
     */
    WorkerLane(ExecutorService pool, ContextInternal timers) {
        this.pool = new ThreadStarts(pool, "Redis continuations");
        this.timers = timers;
    }

    @Override
    public void execute(Runnable task) {
        long now = System.nanoTime();
        tasks.offer(new Waiting(task, now));
        if (pool.refusing()) { // the timer tries again: not every task against a process at its limit of threads
            watch();
        } else if (drainers.get() == 0) {
            if (drainers.compareAndSet(0, 1)) {
                start(now);
            }
        } else if (!startIfOverdue(now)) {
            watch();
        }
    }

    /** How many drainers started since this lane was made (each a pool task): few for many short tasks. */
    long drainersStarted() {
        return drainersStarted.sum();
    }

    /**
     * Starts one more drainer if the oldest task waited too long, none started meanwhile, and every drainer handed to
     * the pool has begun (else the pool has no free thread, and more drainers would only pile up in its queue).
     */
    private boolean startIfOverdue(long now) {
        Waiting oldest = tasks.peek();
        if (oldest == null || now - oldest.sinceNanos <= MAX_WAIT_NANOS || now - lastStartNanos <= MAX_WAIT_NANOS
                || notBegun.get() > 0) {
            return false;
        }
        drainers.incrementAndGet();
        return start(now);
    }

    /**
     * Starts a drainer already counted in {@link #drainers}; one the pool could not start is uncounted, and the timer
     * tries again. Returns whether it started.
     */
    private boolean start(long now) {
        lastStartNanos = now;
        drainersStarted.increment();
        notBegun.incrementAndGet();
        boolean started;
        try {
            started = pool.start(this::drain);
        } catch (RejectedExecutionException closing) { // the pool is closing: run the tasks here rather than never
            drain();
            return true;
        }
        if (!started) {
            notBegun.decrementAndGet();
            drainersStarted.decrement();
            drainers.decrementAndGet();
            watch();
        }
        return started;
    }

    private void drain() {
        notBegun.decrementAndGet();
        boolean counted = true;
        try {
            while (true) {
                Waiting next;
                while ((next = tasks.poll()) != null) {
                    if (!pool.refusing()) { // else the timer tries again
                        startIfOverdue(System.nanoTime());
                    }
                    try {
                        next.task.run();
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

    /**
     * While tasks wait, checks them from a timer every millisecond: no task is left behind blocked drainers. While
     * the pool refuses to start a drainer, every {@link ThreadStarts#RETRY_MILLIS} ms.
     */
    private void watch() {
        if (!watching.get() && watching.compareAndSet(false, true)) {
            try {
                timers.setTimer(pool.refusing() ? ThreadStarts.RETRY_MILLIS : 1, id -> check());
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
        long now = System.nanoTime();
        if (drainers.get() == 0) { // none could start before
            if (drainers.compareAndSet(0, 1)) {
                start(now);
            }
        } else {
            startIfOverdue(now);
        }
        if (!tasks.isEmpty()) {
            watch();
        }
    }

    private record Waiting(Runnable task, long sinceNanos) {
    }
}
