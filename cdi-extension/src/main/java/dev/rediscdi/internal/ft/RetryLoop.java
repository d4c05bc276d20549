package dev.rediscdi.internal.ft;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * Retries of an asynchronous attempt with MicroProfile Fault Tolerance's parameters: up to {@code maxRetries} more
 * attempts ({@code -1}: no limit but the duration), each after {@code delay} give or take up to {@code jitter}, none
 * starting later than {@code maxDuration} after the first, and only for failures {@code retryable} accepts.
 *
 * <p>Written here rather than taken from SmallRye Fault Tolerance: its asynchronous retry (a trampoline loop,
 * {@code io.smallrye.faulttolerance.core.FutureLoop}, as of 6.11.2, the version pinned here) drops an attempt's
 * result when the attempt completes on another thread while the thread that started it is still leaving the
 * loop: the guarded stage then never completes. Every Redis reply completes on an event loop, so under load a command now and then
 * hung past every deadline. Here each step starts only once the previous one completed, and nothing else is shared.
 */
final class RetryLoop {
    private final int maxRetries;
    private final long delayMillis;
    private final long jitterMillis;
    private final long maxDurationNanos;
    private final Predicate<Throwable> retryable;

    RetryLoop(int maxRetries, Duration delay, Duration jitter, Duration maxDuration, Predicate<Throwable> retryable) {
        this.maxRetries = maxRetries;
        this.delayMillis = delay.toMillis();
        this.jitterMillis = jitter.toMillis();
        this.maxDurationNanos = maxDuration.toNanos();
        this.retryable = retryable;
    }

    <T> CompletionStage<T> run(Supplier<CompletionStage<T>> attempt) {
        CompletableFuture<T> result = new CompletableFuture<>();
        attempt(attempt, result, 0, System.nanoTime());
        return result;
    }

    private <T> void attempt(Supplier<CompletionStage<T>> attempt, CompletableFuture<T> result, int retries, long startNanos) {
        CompletionStage<T> stage;
        try {
            stage = attempt.get();
        } catch (RuntimeException e) {
            stage = CompletableFuture.failedFuture(e);
        }
        stage.whenComplete((value, failure) -> {
            if (failure == null) {
                result.complete(value);
                return;
            }
            Throwable cause = Causes.unwrap(failure);
            long delay = nextDelayMillis();
            if ((maxRetries >= 0 && retries >= maxRetries) || !retryable.test(cause)
                    || System.nanoTime() - startNanos + TimeUnit.MILLISECONDS.toNanos(delay) > maxDurationNanos) {
                result.completeExceptionally(cause);
                return;
            }
            // the next attempt only sends a command (it never blocks): it may run on the JDK's delay thread
            CompletableFuture.delayedExecutor(delay, TimeUnit.MILLISECONDS, Runnable::run)
                    .execute(() -> attempt(attempt, result, retries + 1, startNanos));
        });
    }

    private long nextDelayMillis() {
        long jitter = jitterMillis == 0 ? 0 : ThreadLocalRandom.current().nextLong(-jitterMillis, jitterMillis + 1);
        return Math.max(0, delayMillis + jitter);
    }
}
