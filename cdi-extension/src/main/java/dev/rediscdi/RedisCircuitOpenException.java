package dev.rediscdi;

import java.time.Duration;

/**
 * The client's circuit breaker is open: enough recent commands failed (connection refused, lost, timed out) that
 * the client fails fast instead of waiting for Redis; the command was not sent. After {@link #delay()} the
 * breaker lets trial commands through, and closes again once they succeed: the client recovers by itself.
 */
public class RedisCircuitOpenException extends RedisException {
    private static final long serialVersionUID = 1L;
    private final Duration delay;

    public RedisCircuitOpenException(String message, Duration delay, Throwable cause) {
        super(message, cause);
        this.delay = delay;
    }

    /** How long the breaker stays open before it lets trial commands through ({@code circuit-breaker.delay}). */
    public Duration delay() {
        return delay;
    }

    /** Always: the command was not sent. */
    @Override
    public boolean isSafeToRetry() {
        return true;
    }
}
