package dev.rediscdi;

/**
 * The connection closed while the command was in flight: Redis may or may not have run it. Repeat only
 * commands that are safe to run twice.
 */
public class RedisConnectionLostException extends RedisException {
    private static final long serialVersionUID = 1L;

    public RedisConnectionLostException(String message, Throwable cause) {
        super(message, cause);
    }
}
