package dev.rediscdi;

import java.time.Duration;

/**
 * No reply came within the client's {@code timeout}: the outcome is unknown, Redis may have run the
 * command. A late reply is matched to this command and dropped; it never answers another one.
 */
public class RedisTimeoutException extends RedisException {
    private static final long serialVersionUID = 1L;
    private final Duration timeout;

    public RedisTimeoutException(String message, Duration timeout) {
        super(message);
        this.timeout = timeout;
    }

    public Duration timeout() {
        return timeout;
    }
}
