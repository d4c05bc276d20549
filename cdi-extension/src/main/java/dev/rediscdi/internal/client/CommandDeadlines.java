package dev.rediscdi.internal.client;

import java.time.Duration;
import java.util.Iterator;
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
 */
final class CommandDeadlines {
    private final Queue<Pending<?>> inOrder = new ConcurrentLinkedQueue<>();
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
        inOrder.offer(command);
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
     * the client is overloaded.
     */
    void sweep() {
        long now = System.nanoTime();
        for (Iterator<Pending<?>> line = inOrder.iterator(); line.hasNext();) {
            Pending<?> command = line.next();
            if (command.isDone()) {
                line.remove();
            } else if (command.deadlineNanos - now <= 0) {
                line.remove();
                command.expire();
            }
        }
    }

    /** How many commands the sweep still holds. */
    int tracked() {
        return inOrder.size();
    }

    void close() {
        closed = true;
        vertx.cancelTimer(timerId);
        for (Pending<?> command; (command = inOrder.poll()) != null;) {
            command.clientClosed(false);
        }
        blocking.forEach(command -> command.clientClosed(false));
    }
}
