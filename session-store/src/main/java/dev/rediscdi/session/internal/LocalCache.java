package dev.rediscdi.session.internal;

/** Whether an instance keeps the sessions it read, kept fresh by Redis' invalidation messages. */
enum LocalCache {
    /** Server-assisted client-side caching ({@code CLIENT TRACKING}); a standalone Redis only. */
    TRACKING,
    /** Every request that uses its session reads it from Redis. */
    OFF
}
