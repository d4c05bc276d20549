package dev.rediscdi.session.internal;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The tokens the session script marks this instance's writes with (see {@link SessionCache}): unique across
 * instances (a random part per instance) and across the writes of one instance (a counter).
 */
final class WriteMarks {
    /** No marks: no instance keeps copies of sessions in this topology. */
    static final WriteMarks NONE = new WriteMarks(null);

    private final String instance;
    private final AtomicLong counter = new AtomicLong();

    private WriteMarks(String instance) {
        this.instance = instance;
    }

    static WriteMarks random() {
        byte[] bytes = new byte[9];
        new SecureRandom().nextBytes(bytes);
        return new WriteMarks(Base64.getUrlEncoder().withoutPadding().encodeToString(bytes) + ".");
    }

    /** The token of the next write, or {@code ""} (the script then marks nothing). */
    String next() {
        return instance == null ? "" : instance + Long.toString(counter.incrementAndGet(), 36);
    }
}
