package dev.rediscdi.session.internal;

import java.util.List;
import java.util.Map;

/**
 * What one request writes: the attributes set (encoded) and removed, the session's metadata, and the id it had
 * before {@code changeSessionId} (or {@code null}).
 */
record SessionChanges(String id, boolean isNew, long created, int maxInactiveSeconds, String previousId,
        Map<String, byte[]> set, List<String> removed) {

    boolean isEmpty() {
        return !isNew && previousId == null && set.isEmpty() && removed.isEmpty();
    }
}
