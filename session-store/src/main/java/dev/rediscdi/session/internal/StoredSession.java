package dev.rediscdi.session.internal;

import java.util.Arrays;
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

    /**
     * Shares the decoded values a request already holds for this state, which a write of that request left: the
     * immutable values it wrote, and those of the state it loaded whose bytes did not change.
     */
    void shareValuesOf(StoredSession base, Map<String, byte[]> written, Map<String, Object> writtenValues) {
        attributes.forEach((name, bytes) -> {
            Object value = writtenValues.get(name);
            if (value != null && Arrays.equals(bytes, written.get(name))) {
                share(name, value);
            } else if (base != null && Arrays.equals(bytes, base.attributes.get(name))) {
                Object shared = base.sharedValue(name);
                if (shared != null) {
                    share(name, shared);
                }
            }
        });
    }

    /** Remembers the decoded value of an attribute that cannot change in place: later readers of these bytes share it. */
    void share(String name, Object value) {
        if (value != null && ImmutableValues.isImmutable(value)) {
            decodedImmutables.putIfAbsent(name, value);
        }
    }
}
