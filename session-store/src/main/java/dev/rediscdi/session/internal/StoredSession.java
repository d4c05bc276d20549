package dev.rediscdi.session.internal;

import java.util.Map;

/**
 * A session as Redis holds it: metadata and the encoded attributes by name.
 *
 * @param lastAccessed the last access before this request, in ms of the server's clock
 * @param maxInactiveSeconds 0 or less: no idle timeout
 */
record StoredSession(String id, long created, long lastAccessed, int maxInactiveSeconds, Map<String, byte[]> attributes) {
}
