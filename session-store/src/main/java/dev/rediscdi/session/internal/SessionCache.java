package dev.rediscdi.session.internal;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * The sessions this instance read last, by Redis key, usable only while Redis' invalidation messages reach the
 * instance ({@link #open()}). A read reserves its key before it is sent ({@link #reserve}); an invalidation that
 * arrives meanwhile drops the reservation, so that a reply read before another instance's write is never kept
 * (the race Redis' client-side caching documentation describes). Each copy is used only until the store's next
 * touch of the session would be due, so caching never changes when a session expires.
 */
final class SessionCache {
    /** A read in flight for one key; only the newest reservation of a key may fill it. */
    static final class Reservation {
        private final String key;
        private final long generation;

        private Reservation(String key, long generation) {
            this.key = key;
            this.generation = generation;
        }
    }

    private record Copy(StoredSession session, long validUntilNanos) {
    }

    private final ConcurrentMap<String, Object> entries = new ConcurrentHashMap<>();
    private final LongSupplier nanoTime;
    private volatile boolean open;
    /** Counts the closings: a read reserved before the last one may have missed an invalidation. */
    private volatile long generation;

    SessionCache(LongSupplier nanoTime) {
        this.nanoTime = nanoTime;
    }

    /** The copy of this key, if there is one and it is still valid; {@code null} otherwise. */
    StoredSession get(String key) {
        if (!open) {
            return null;
        }
        Object entry = entries.get(key);
        if (entry instanceof Copy copy) {
            if (nanoTime.getAsLong() - copy.validUntilNanos < 0) {
                return copy.session;
            }
            entries.remove(key, copy);
        }
        return null;
    }

    /** Reserves the key for a read about to be sent; {@code null} while the cache is closed. */
    Reservation reserve(String key) {
        long current = generation;
        if (!open) {
            return null;
        }
        Reservation reservation = new Reservation(key, current);
        entries.put(key, reservation);
        return reservation;
    }

    /** Keeps what the reserved read returned, unless the key was invalidated since it was reserved. */
    void fill(Reservation reservation, StoredSession session, long validMillis) {
        if (reservation == null || session == null || validMillis <= 0 || !open || reservation.generation != generation) {
            if (reservation != null) {
                entries.remove(reservation.key, reservation);
            }
            return;
        }
        entries.replace(reservation.key, reservation, new Copy(session, nanoTime.getAsLong() + TimeUnit.MILLISECONDS.toNanos(validMillis)));
    }

    /** Drops the copy of a key, and any read of it in flight: Redis said it changed, or this instance changes it. */
    void invalidate(String key) {
        entries.remove(key);
    }

    /** Drops every copy and every read in flight (Redis was flushed); the cache stays open. */
    synchronized void invalidateAll() {
        generation++;
        entries.clear();
    }

    /** Invalidation messages flow: copies may be kept from now on. */
    synchronized void open() {
        open = true;
    }

    /** Invalidation messages may have been lost: drops every copy and every read in flight, keeps none until {@link #open()}. */
    synchronized void close() {
        open = false;
        invalidateAll();
    }

    boolean isOpen() {
        return open;
    }

    int size() {
        return entries.size();
    }
}
