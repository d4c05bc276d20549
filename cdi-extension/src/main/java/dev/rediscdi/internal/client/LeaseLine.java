package dev.rediscdi.internal.client;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * The leases of driver connections the client may hold at once, handed out in order of arrival: a caller finding
 * none free waits in a bounded line, and leaves it when it gives up.
 *
 * <p>Why the client keeps its own line instead of a longer wait queue in the driver's pool: the driver's pool
 * has no acquisition timeout and no way to leave its queue, so a caller that gave up keeps its place and still
 * takes (then returns) a connection later, and under overload the queue fills with callers long gone. A cluster
 * connection leases one connection on every node, each from that node's own queue, so many callers can each hold
 * some nodes while waiting for others. Here a caller leaves the line at its deadline, and only as many callers go
 * to the driver as it has connections for, so the driver's queue stays (nearly) empty. Not a
 * {@link java.util.concurrent.Semaphore}: that one blocks threads, this one answers with a future.
 */
final class LeaseLine {
    private static final CompletableFuture<Void> FREE = CompletableFuture.completedFuture(null);

    private final ArrayDeque<CompletableFuture<Void>> waiting = new ArrayDeque<>();
    private final int maxWaiting;
    private int free;
    private RuntimeException closedBecause;

    LeaseLine(int leases, int maxWaiting) {
        this.free = leases;
        this.maxWaiting = maxWaiting;
    }

    /**
     * A ticket completed when the caller holds a lease (at once if one is free and nobody waits), failed once the
     * line is closed, or {@code null} when the line is full. A caller that holds a lease gives it back with {@link #give()}.
     */
    synchronized CompletableFuture<Void> take() {
        if (closedBecause != null) {
            return CompletableFuture.failedFuture(closedBecause);
        }
        if (free > 0 && waiting.isEmpty()) {
            free--;
            return FREE;
        }
        if (waiting.size() >= maxWaiting) {
            return null;
        }
        CompletableFuture<Void> ticket = new CompletableFuture<>();
        waiting.addLast(ticket);
        return ticket;
    }

    /**
     * The caller of {@code ticket} gives up waiting. {@code false} when the ticket already holds a lease (or is
     * about to): the caller then gives it back once its ticket completes.
     */
    synchronized boolean leave(CompletableFuture<Void> ticket) {
        return waiting.remove(ticket);
    }

    /** Gives a lease back: to the first caller in line, else to the free ones. */
    void give() {
        CompletableFuture<Void> next;
        synchronized (this) {
            next = waiting.pollFirst();
            if (next == null) {
                free++;
                return;
            }
        }
        next.complete(null); // outside the lock: the caller's continuation runs here
    }

    /** Fails every caller in line with {@code reason}, and every later one: the client is closing. */
    void close(RuntimeException reason) {
        List<CompletableFuture<Void>> failed;
        synchronized (this) {
            closedBecause = reason;
            failed = new ArrayList<>(waiting);
            waiting.clear();
        }
        failed.forEach(ticket -> ticket.completeExceptionally(reason));
    }

    synchronized int waiting() {
        return waiting.size();
    }
}
