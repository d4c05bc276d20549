package dev.rediscdi.internal.client;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;

import io.vertx.core.Vertx;
import io.vertx.redis.client.Request;

/**
 * Fails commands that got no reply within the timeout. The driver has no per-command timeout, and a timer per
 * command costs more than the command at 100k+ commands/s; instead one periodic sweep walks the commands in
 * the order they were issued. When the client closes, it fails every command still on its way, and those tracked
 * later unsent: the driver's answers may never come once the event loops stop, and nothing sweeps any more.
 *
 * <p>Callers hand their commands to a concurrent queue, which the sweep empties into an array of its own that it
 * compacts as it walks. Why not walk the concurrent queue itself and remove what is answered: its iterator only marks a
 * removed node, and the next sweep's iterator walked every such node again before reaching a live one; at 200k commands
 * a second that walk was half of the event loop's Java time in a profile of 64 threads.
 */
final class CommandDeadlines {
    private static final int MIN_LINE = 1024;
    /** Commands tracked since the last sweep, in the order they were issued. */
    private final Queue<Pending<?>> arrivals = new ConcurrentLinkedQueue<>();
    /** The commands of earlier sweeps still on their way, in issue order; guarded by this. */
    private Pending<?>[] line = new Pending<?>[MIN_LINE];
    private int lineSize; // guarded by this
    /** The blocking commands on their way, with a timer each or no deadline at all. */
    private final Set<Pending<?>> blocking = ConcurrentHashMap.newKeySet();
    private volatile boolean closed;
    private final Vertx vertx;
    private final long timeoutNanos;
    private final long timerId;

    CommandDeadlines(Vertx vertx, Duration timeout) {
        this.vertx = vertx;
        this.timeoutNanos = timeout.toNanos();
        // precision of a tenth of the timeout, between 5 ms and 100 ms
        long period = Math.max(5, Math.min(100, timeout.toMillis() / 10));
        this.timerId = vertx.setPeriodic(period, id -> sweep());
    }

    void track(Pending<?> command) {
        arrivals.offer(command);
        if (closed) { // after the offer: close() fails it, or it sees closed here
            command.clientClosed(true);
        }
    }

    /**
     * A command that blocks server-side (BLPOP, XREAD BLOCK...) gets its own block timeout plus the client's as its
     * deadline, on a timer of its own: these deadlines are not in issue order, unlike those of the sweep. One that
     * blocks until served, or whose timeout cannot be read, gets none.
     */
    long trackBlocking(Pending<?> command, Request request) {
        if (blocking.add(command)) {
            command.whenComplete((reply, error) -> blocking.remove(command));
        }
        if (closed) {
            command.clientClosed(true);
            return -1;
        }
        long block = BlockTimeout.nanosOf(request);
        if (block <= 0) {
            return -1;
        }
        long timer = vertx.setTimer(Math.max(1, TimeUnit.NANOSECONDS.toMillis(block + timeoutNanos)), id -> command.expire());
        command.whenComplete((reply, error) -> vertx.cancelTimer(timer));
        return timer;
    }

    /** Cancels a deadline {@link #trackBlocking} set ({@code -1}: none). */
    void untrack(long timer) {
        if (timer >= 0) {
            vertx.cancelTimer(timer);
        }
    }

    /**
     * Expires the commands past their deadline and lets go of those answered, wherever they are in line: a command
     * slow to answer (a long script, a big KEYS) would otherwise keep every answered command behind it, replies
     * included, until it answered itself. The walk covers the commands still waiting too, which are few unless
     * the client is overloaded. The expired ones fail after the walk, outside the lock: their callers' stages may
     * run in that thread.
     */
    void sweep() {
        List<Pending<?>> expired = new ArrayList<>(0);
        synchronized (this) {
            long now = System.nanoTime();
            Pending<?>[] walked = line;
            int kept = 0;
            for (int i = 0; i < lineSize; i++) {
                Pending<?> command = walked[i];
                walked[i] = null;
                if (stillWaiting(command, now, expired)) {
                    walked[kept++] = command;
                }
            }
            for (Pending<?> command; (command = arrivals.poll()) != null;) {
                if (stillWaiting(command, now, expired)) {
                    if (kept == walked.length) {
                        walked = Arrays.copyOf(walked, kept * 2);
                    }
                    walked[kept++] = command;
                }
            }
            // a burst grew the array: give the memory back once the line is short again
            line = walked.length > MIN_LINE && kept < walked.length / 4 ? Arrays.copyOf(walked, Math.max(MIN_LINE, kept * 2)) : walked;
            lineSize = kept;
        }
        expired.forEach(Pending::expire);
    }

    /** Whether {@code command} stays in line: not answered and within its deadline; past it, it goes to {@code expired}. */
    private static boolean stillWaiting(Pending<?> command, long now, List<Pending<?>> expired) {
        if (command.isDone()) {
            return false;
        }
        if (command.deadlineNanos - now <= 0) {
            expired.add(command);
            return false;
        }
        return true;
    }

    /** How many commands the sweep still holds. */
    synchronized int tracked() {
        return lineSize + arrivals.size();
    }

    void close() {
        closed = true;
        vertx.cancelTimer(timerId);
        List<Pending<?>> onTheirWay = new ArrayList<>();
        synchronized (this) {
            onTheirWay.addAll(Arrays.asList(line).subList(0, lineSize));
            line = new Pending<?>[MIN_LINE];
            lineSize = 0;
        }
        for (Pending<?> command; (command = arrivals.poll()) != null;) {
            onTheirWay.add(command);
        }
        onTheirWay.forEach(command -> command.clientClosed(false));
        blocking.forEach(command -> command.clientClosed(false));
    }
}
