package dev.rediscdi.internal.ft;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletionStage;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.logging.Logger;

import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;

import dev.rediscdi.RedisCircuitOpenException;
import dev.rediscdi.RedisConnectionException;
import dev.rediscdi.RedisConnectionLostException;
import dev.rediscdi.RedisException;
import dev.rediscdi.RedisTimeoutException;
import dev.rediscdi.internal.config.FaultToleranceConfig;

/**
 * One client's retries and circuit breaker, with MicroProfile Fault Tolerance's semantics and parameters.
 *
 * <p>Whether a failed command may be sent again depends on the command, which a retry predicate never sees: the
 * failure says it instead ({@link RedisException#isSafeToRetry()}). Two retry loops share one breaker: one
 * retries only what is safe, the other (per call or per client opt-in) whatever {@code retry-on} names. The
 * breaker sits inside the retries, as MicroProfile places them, so each attempt counts in its window. Both are this
 * library's own: {@link RetryLoop} and {@link CircuitBreaker} say why.
 */
public final class CommandPolicy {
    private static final Logger LOG = Logger.getLogger(CommandPolicy.class.getName());

    private final String label;
    private final CircuitBreaker breaker;
    private final RetryLoop retrySafe;
    private final RetryLoop retryAny;
    private final boolean nonIdempotentByDefault;
    private final Duration breakerDelay;
    private final Supplier<RedisCircuitOpenException> refusal = this::circuitOpen;

    private CommandPolicy(String label, CircuitBreaker breaker, RetryLoop retrySafe, RetryLoop retryAny, boolean nonIdempotentByDefault, Duration breakerDelay) {
        this.label = label;
        this.breaker = breaker;
        this.retrySafe = retrySafe;
        this.retryAny = retryAny;
        this.nonIdempotentByDefault = nonIdempotentByDefault;
        this.breakerDelay = breakerDelay;
    }

    public static CommandPolicy of(String label, FaultToleranceConfig config) {
        FaultToleranceConfig.Retry retry = config.retry();
        FaultToleranceConfig.CircuitBreaker circuit = config.circuitBreaker();
        if (retry == null && circuit == null) {
            return new CommandPolicy(label, null, null, null, false, null);
        }
        CircuitBreaker breaker = circuit == null ? null : new CircuitBreaker(circuit.requestVolumeThreshold(), circuit.failureRatio(),
                circuit.delay(), circuit.successThreshold(), CommandPolicy::isRedisUnavailable,
                phase -> LOG.info(() -> label + ": circuit breaker " + phase.name().toLowerCase(java.util.Locale.ROOT)));
        RetryLoop safe = retry == null ? null : retryLoop(retry, true);
        RetryLoop any = retry == null ? null : retryLoop(retry, false);
        return new CommandPolicy(label, breaker, safe, any, retry != null && retry.nonIdempotent(),
                circuit == null ? null : circuit.delay());
    }

    private static RetryLoop retryLoop(FaultToleranceConfig.Retry retry, boolean onlySafe) {
        Predicate<Throwable> retryable = failure -> {
            Throwable cause = Causes.unwrap(failure);
            if (cause instanceof RedisCircuitOpenException || matches(retry.abortOn(), cause) || !matches(retry.retryOn(), cause)) {
                return false;
            }
            return !onlySafe || (cause instanceof RedisException redis && redis.isSafeToRetry());
        };
        return new RetryLoop(retry.maxRetries(), retry.delay(), retry.jitter(), retry.maxDuration(), retryable);
    }

    /** Failures that say Redis cannot be reached or does not answer; a refusal (WRONGTYPE, NOPERM) says it is up. */
    static boolean isRedisUnavailable(Throwable failure) {
        Throwable cause = Causes.unwrap(failure);
        return cause instanceof RedisConnectionException || cause instanceof RedisConnectionLostException
                || cause instanceof RedisTimeoutException;
    }

    /**
     * Runs one attempt, or more as the policy allows.
     *
     * @param assumeIdempotent the caller declared the command safe to run twice
     */
    public <T> CompletionStage<T> run(boolean assumeIdempotent, Supplier<CompletionStage<T>> attempt) {
        return run(assumeIdempotent, false, attempt);
    }

    /**
     * As {@link #run(boolean, Supplier)}; {@code blocking}: a command Redis may hold for its own block timeout, or
     * until served, which the breaker never takes as a trial (see {@link CircuitBreaker}).
     */
    public <T> CompletionStage<T> run(boolean assumeIdempotent, boolean blocking, Supplier<CompletionStage<T>> attempt) {
        Supplier<CompletionStage<T>> guarded = breaker == null ? attempt : () -> breaker.call(attempt, refusal, blocking);
        RetryLoop retry = assumeIdempotent || nonIdempotentByDefault ? retryAny : retrySafe;
        return retry == null ? guarded.get() : retry.run(guarded);
    }

    /** Caused by MicroProfile's own exception, for code that tells an open breaker by it. */
    private RedisCircuitOpenException circuitOpen() {
        return new RedisCircuitOpenException(label + ": the circuit breaker is open after too many failed commands; the command "
                + "was not sent. Trial commands go through " + breakerDelay.toMillis() + " ms after it opened", breakerDelay,
                new CircuitBreakerOpenException(label + " circuit breaker is open"));
    }

    private static boolean matches(List<Class<? extends Throwable>> types, Throwable cause) {
        for (Class<? extends Throwable> type : types) {
            if (type.isInstance(cause)) {
                return true;
            }
        }
        return false;
    }

    @Override
    public String toString() {
        return label + " policy[retry=" + (retrySafe != null) + ", circuitBreaker=" + (breaker != null) + "]";
    }
}
