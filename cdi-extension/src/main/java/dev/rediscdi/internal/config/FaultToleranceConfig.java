package dev.rediscdi.internal.config;

import java.time.Duration;
import java.util.List;

/**
 * One client's fault-tolerance policy, with the parameters and meaning of MicroProfile Fault Tolerance.
 *
 * @param retry {@code null} when retries are off
 * @param circuitBreaker {@code null} when the breaker is off
 */
public record FaultToleranceConfig(Retry retry, CircuitBreaker circuitBreaker, Health health) {

    /** Retries of commands that failed, when sending them again is safe. */
    public record Retry(int maxRetries, Duration delay, Duration jitter, Duration maxDuration,
            List<Class<? extends Throwable>> retryOn, List<Class<? extends Throwable>> abortOn, boolean nonIdempotent) {
    }

    /** A breaker over a rolling window of the last {@code requestVolumeThreshold} commands. */
    public record CircuitBreaker(int requestVolumeThreshold, double failureRatio, Duration delay, int successThreshold) {
    }

    /** The readiness check; {@code enabled} is false when the application turned it off. */
    public record Health(boolean enabled, Duration timeout) {
    }
}
