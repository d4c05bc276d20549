package dev.rediscdi.session.internal;

import java.util.List;
import java.util.Map;

/**
 * What one request writes: the attributes set (encoded) and removed, the session's metadata, and the id it had
 * before {@code changeSessionId} (or {@code null}), the max inactive interval when this request set it or created the session
 * ({@code null}: the one Redis holds, which a concurrent request may have set); with what the request already decoded, so that the state the
 * write leaves needs no decoding of values that did not change: the session as loaded ({@code null} for a new one)
 * and the immutable values among those set.
 */
record SessionChanges(String id, boolean isNew, long created, Integer maxInactiveSeconds, String previousId,
        Map<String, byte[]> set, List<String> removed, StoredSession base, Map<String, Object> immutableValues) {

    boolean isEmpty() {
        return !isNew && previousId == null && set.isEmpty() && removed.isEmpty();
    }
}
