package dev.rediscdi.session.internal;

import java.util.Set;
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
 *
 * <p>An instance's own write leaves a copy too ({@link #beginWrite}, {@link #written}), sparing the next request a
 * read, but only once Redis' invalidation message for the key arrived naming that write and no other. Every write of
 * the store marks itself in that message (a key {@code <session key>!<token>} set and deleted by the same script);
 * Redis gathers the keys changed in one iteration of its event loop into one message, so a message that names the
 * key with this write's marker alone covers no write but this one, and any later write comes in a later message,
 * which drops the copy. Counting messages would not do: one message may cover several writes. A write Redis makes
 * on its own (expiry, eviction) or a client outside the store carries no marker: in a message of its own it drops the
 * copy; in the very iteration of the store's write it would go unnoticed until the copy's validity ends.
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

    /** A write of this instance in flight; becomes a copy once both its reply and its own invalidation arrived. */
    static final class PendingWrite {
        private final String key;
        private final String token;
        private final long generation;
        // guarded by this
        private boolean announced;
        private StoredSession written;
        private long validUntilNanos;

        private PendingWrite(String key, String token, long generation) {
            this.key = key;
            this.token = token;
            this.generation = generation;
        }
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

    /** A read of Redis through the cache: what it found, and the copy of it the cache may keep, and for how long. */
    record Read(StoredSession session, StoredSession copy, long validMillis) {
        /** Found {@code session}, and nothing to keep. */
        static Read notKept(StoredSession session) {
            return new Read(session, null, 0);
        }
    }

    /** Reads one key from Redis. */
    @FunctionalInterface
    interface Reader {
        /**
         * @param keepable whether the cache could keep a copy of what is read (when not, none need be made)
         * @return what was read, {@code null} for nothing
         */
        Read read(boolean keepable);
    }

    /**
     * The session under {@code key}: the copy kept, if one is still valid; else what {@code reader} reads, whose copy
     * is kept unless an invalidation overtook the read. The key's reservation is settled however the read ends: a read
     * that fails (Redis down, a timeout) leaves nothing behind, however many ids are asked for meanwhile.
     */
    StoredSession readThrough(String key, Reader reader) {
        StoredSession cached = get(key);
        if (cached != null) {
            return cached;
        }
        Reservation reservation = reserve(key);
        Read read = null;
        try {
            read = reader.read(reservation != null);
            return read == null ? null : read.session();
        } finally {
            fill(reservation, read == null ? null : read.copy(), read == null ? 0 : read.validMillis());
        }
    }

    /**
     * Reserves the key for a read about to be sent; {@code null} while the cache is closed, or while a write of this
     * instance is pending (the read is then not kept, and the write's state may still be).
     */
    Reservation reserve(String key) {
        long current = generation;
        if (!open) {
            return null;
        }
        Reservation reservation = new Reservation(key, current);
        return entries.compute(key, (k, entry) -> entry instanceof PendingWrite ? entry : reservation) == reservation ? reservation : null;
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

    /**
     * Redis' message about a key: drops whatever is kept for it, except a write of this instance that the message
     * names alone (its marker, and no other): that write's state may be kept once its reply is in.
     *
     * @param writes the markers of the key in the message (the tokens of the store's writes it covers)
     */
    void invalidate(String key, Set<String> writes) {
        Object entry = entries.get(key);
        if (entry instanceof PendingWrite pending && writes.size() == 1 && writes.contains(pending.token)) {
            synchronized (pending) {
                if (!pending.announced && entries.get(key) == pending) {
                    pending.announced = true;
                    if (pending.written != null) {
                        entries.replace(key, pending, new Copy(pending.written, pending.validUntilNanos));
                    }
                    return;
                }
            }
        }
        entries.remove(key); // a second message about a pending write speaks of another write
    }

    /**
     * Before this instance writes a key: drops its copy and any read in flight, and expects Redis' message naming
     * this write; {@code null} while the cache is closed.
     */
    PendingWrite beginWrite(String key, String token) {
        long current = generation;
        if (!open) {
            entries.remove(key);
            return null;
        }
        PendingWrite pending = new PendingWrite(key, token, current);
        entries.put(key, pending);
        return pending;
    }

    /**
     * The write succeeded and left this state: kept once Redis' message named the write alone. Whatever else took
     * the key's place meanwhile (a read of this instance, another write) is dropped, as after any write.
     */
    void written(PendingWrite pending, StoredSession state, long validMillis) {
        synchronized (pending) {
            if (entries.get(pending.key) != pending || validMillis <= 0 || !open || pending.generation != generation) {
                entries.remove(pending.key);
                return;
            }
            long validUntil = nanoTime.getAsLong() + TimeUnit.MILLISECONDS.toNanos(validMillis);
            if (pending.announced) {
                entries.replace(pending.key, pending, new Copy(state, validUntil));
            } else {
                pending.written = state;
                pending.validUntilNanos = validUntil;
            }
        }
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
