package dev.rediscdi.session.internal;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A session as Redis holds it: metadata and the encoded attributes by name. Read-only once built: a cached copy
 * serves many requests, each of which decodes its own values from the bytes, except immutable ones, decoded
 * once and shared ({@link #sharedValue}).
 *
 * @param lastAccessed the last access before this request, in ms of the server's clock
 * @param maxInactiveSeconds 0 or less: no idle timeout
 */
record StoredSession(String id, long created, long lastAccessed, int maxInactiveSeconds, Map<String, byte[]> attributes,
        Map<String, Object> decodedImmutables) {

    StoredSession(String id, long created, long lastAccessed, int maxInactiveSeconds, Map<String, byte[]> attributes) {
        this(id, created, lastAccessed, maxInactiveSeconds, attributes, new ConcurrentHashMap<>());
    }

    /** The decoded value of an immutable attribute, once some request decoded it; {@code null} otherwise. */
    Object sharedValue(String name) {
        return decodedImmutables.get(name);
    }

    /** Remembers the decoded value of an attribute that cannot change in place: later readers of these bytes share it. */
    void share(String name, Object value) {
        if (value != null && ImmutableValues.isImmutable(value)) {
            decodedImmutables.putIfAbsent(name, value);
        }
    }
}
