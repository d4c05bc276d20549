package dev.rediscdi;

/**
 * The connection closed while the command was in flight: Redis may or may not have run it. Repeat only
 * commands that are safe to run twice.
 */
public class RedisConnectionLostException extends RedisException {
    private static final long serialVersionUID = 1L;
    private final boolean idempotent;

    public RedisConnectionLostException(String message, Throwable cause) {
        this(message, cause, false);
    }

    /** @param idempotent whether the command in flight is idempotent, so that sending it again is safe */
    public RedisConnectionLostException(String message, Throwable cause, boolean idempotent) {
        super(message, cause);
        this.idempotent = idempotent;
    }

    /** Only for an idempotent command: Redis may have run it. */
    @Override
    public boolean isSafeToRetry() {
        return idempotent;
    }
}
