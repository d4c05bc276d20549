package dev.rediscdi;

import java.time.Duration;

/**
 * No reply came within the client's {@code timeout}: the outcome is unknown, Redis may have run the
 * command. A late reply is matched to this command and dropped; it never answers another one.
 */
public class RedisTimeoutException extends RedisException {
    private static final long serialVersionUID = 1L;
    private final boolean idempotent;
    private final Duration timeout;

    public RedisTimeoutException(String message, Duration timeout) {
        this(message, timeout, false);
    }

    /** @param idempotent whether the command that timed out is idempotent, so that sending it again is safe */
    public RedisTimeoutException(String message, Duration timeout, boolean idempotent) {
        super(message);
        this.timeout = timeout;
        this.idempotent = idempotent;
    }

    /** Only for an idempotent command: Redis may have run it. */
    @Override
    public boolean isSafeToRetry() {
        return idempotent;
    }

    public Duration timeout() {
        return timeout;
    }
}
