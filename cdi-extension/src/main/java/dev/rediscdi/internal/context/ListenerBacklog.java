package dev.rediscdi.internal.context;

/**
 * The messages read for the listeners of one lane and not yet handed to them, bounded.
 *
 * <p>Redis bounds what waits for a slow subscriber itself ({@code client-output-buffer-limit pubsub}, by default
 * 32 MB, or 8 MB for a minute): past it, it disconnects the subscriber. That bound never applies to this client,
 * which reads everything Redis sends at once: what a slow listener has not taken yet waits in the application's heap
 * instead, without end (a listener stuck for a minute held every message published meanwhile). So the same bound
 * applies here: {@value #MAX_BYTES} bytes of payload, Redis' default hard limit. {@value #MAX_MESSAGES} messages
 * bound the small ones, which cost more than their payload (about 200 bytes each: the message, its channel, the queue's
 * node and the call), and are most of a minute's work for a listener that does I/O for each message: a listener
 * that far behind is not catching up.
 */
final class ListenerBacklog {
    static final int MAX_MESSAGES = 10_000;
    static final long MAX_BYTES = 32L * 1024 * 1024;

    // guarded by this
    private int messages;
    private long bytes;

    /**
     * Whether a message of {@code size} bytes may wait; if so it is counted until {@link #taken}. One comes in whatever
     * its size when none waits: it is read already, and a listener that keeps up is not behind.
     */
    synchronized boolean admit(int size) {
        if (messages > 0 && (messages >= MAX_MESSAGES || bytes + size > MAX_BYTES)) {
            return false;
        }
        messages++;
        bytes += size;
        return true;
    }

    /** An admitted message of {@code size} bytes no longer waits: its listener call begins. */
    synchronized void taken(int size) {
        messages--;
        bytes -= size;
    }
}
