package dev.rediscdi.internal.ft;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;

import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;

import dev.rediscdi.RedisCircuitOpenException;
import dev.rediscdi.RedisConnectionException;
import dev.rediscdi.RedisConnectionLostException;
import dev.rediscdi.RedisTimeoutException;
import dev.rediscdi.internal.config.FaultToleranceConfig;

class CommandPolicyTest {
    private static final int MAX_RUNS = 1_000_000;
    private static final long MAX_RACE_NANOS = TimeUnit.SECONDS.toNanos(5);

    private static CommandPolicy policy(int maxRetries, Duration maxDuration) {
        return CommandPolicy.of("Redis client 'test'", new FaultToleranceConfig(
                new FaultToleranceConfig.Retry(maxRetries, Duration.ofMillis(10), Duration.ZERO, maxDuration,
                        List.of(RedisConnectionException.class, RedisConnectionLostException.class), List.of(), false),
                new FaultToleranceConfig.CircuitBreaker(1_000, 0.99, Duration.ofSeconds(2), 1),
                new FaultToleranceConfig.Health(true, Duration.ofSeconds(2))));
    }

    /**
     * Every reply of Redis completes on an event loop, usually while the caller's thread is still inside the policy:
     * the policy's stage must complete whichever thread gets there first, every time.
     */
    @Test
    void shouldCompleteEveryCallWhoseAttemptCompletesOnAnotherThreadMeanwhile() throws Exception {
        CommandPolicy policy = policy(3, Duration.ofSeconds(5));
        AtomicReference<CompletableFuture<String>> sent = new AtomicReference<>();
        Thread eventLoop = new Thread(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                CompletableFuture<String> attempt = sent.getAndSet(null);
                if (attempt != null) {
                    attempt.complete("OK");
                }
            }
        }, "completes-attempts");
        eventLoop.start();
        int runs = 0;
        int hung = 0;
        try {
            long end = System.nanoTime() + MAX_RACE_NANOS;
            for (; runs < MAX_RUNS && hung == 0 && System.nanoTime() < end; runs++) {
                CompletionStage<String> call = policy.run(false, () -> {
                    CompletableFuture<String> attempt = new CompletableFuture<>();
                    sent.set(attempt);
                    return attempt;
                });
                try {
                    assertThat(call.toCompletableFuture().get(5, TimeUnit.SECONDS)).isEqualTo("OK");
                } catch (java.util.concurrent.TimeoutException e) {
                    hung++;
                }
            }
        } finally {
            eventLoop.interrupt();
            eventLoop.join(TimeUnit.SECONDS.toMillis(5));
        }
        assertThat(hung).as("calls that never completed, of %d", runs).isZero();
    }

    @Test
    void shouldRetryAFailureThatIsSafeToRetryUntilItSucceeds() throws Exception {
        AtomicInteger attempts = new AtomicInteger();

        String reply = policy(3, Duration.ofSeconds(5)).run(false, () -> attempts.incrementAndGet() < 3
                ? CompletableFuture.<String>failedFuture(new RedisConnectionException("refused", null))
                : CompletableFuture.supplyAsync(() -> "OK")).toCompletableFuture().get(5, TimeUnit.SECONDS);

        assertThat(reply).isEqualTo("OK");
        assertThat(attempts).hasValue(3);
    }

    @Test
    void shouldGiveUpAfterMaxRetriesWithTheLastFailure() {
        AtomicInteger attempts = new AtomicInteger();

        CompletionStage<String> call = policy(2, Duration.ofSeconds(5)).run(false, () -> CompletableFuture.supplyAsync(() -> {
            throw new RedisConnectionException("refused " + attempts.incrementAndGet(), null);
        }));

        assertThatThrownBy(() -> call.toCompletableFuture().get(5, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class)
                .cause().isInstanceOf(RedisConnectionException.class).hasMessage("refused 3");
        assertThat(attempts).hasValue(3);
    }

    @Test
    void shouldNotRetryACommandThatMayHaveRun() {
        AtomicInteger attempts = new AtomicInteger();

        CompletionStage<String> call = policy(3, Duration.ofSeconds(5)).run(false, () -> {
            attempts.incrementAndGet();
            return CompletableFuture.failedFuture(new RedisTimeoutException("no reply to INCR", Duration.ofSeconds(1), false));
        });

        assertThatThrownBy(() -> call.toCompletableFuture().get(5, TimeUnit.SECONDS)).cause().isInstanceOf(RedisTimeoutException.class);
        assertThat(attempts).hasValue(1);
    }

    @Test
    void shouldStartNoRetryLaterThanMaxDurationAfterTheFirstAttempt() {
        AtomicInteger attempts = new AtomicInteger();

        // retries without limit, 10 ms apart, within 100 ms: about 10 attempts, never hundreds
        CompletionStage<String> call = policy(-1, Duration.ofMillis(100)).run(false, () -> {
            attempts.incrementAndGet();
            return CompletableFuture.failedFuture(new RedisConnectionException("refused", null));
        });

        assertThatThrownBy(() -> call.toCompletableFuture().get(5, TimeUnit.SECONDS)).cause().isInstanceOf(RedisConnectionException.class);
        assertThat(attempts.get()).isBetween(2, 11);
    }

    @Test
    void shouldFailFastWithoutRetryingOnceTheBreakerOpens() {
        CommandPolicy policy = CommandPolicy.of("Redis client 'test'", new FaultToleranceConfig(
                new FaultToleranceConfig.Retry(3, Duration.ofMillis(10), Duration.ZERO, Duration.ofSeconds(5),
                        List.of(RedisConnectionException.class, RedisConnectionLostException.class), List.of(), false),
                new FaultToleranceConfig.CircuitBreaker(2, 1, Duration.ofHours(1), 1),
                new FaultToleranceConfig.Health(true, Duration.ofSeconds(2))));
        AtomicInteger attempts = new AtomicInteger();

        // two refused attempts fill the window with failures: the third attempt (second retry) is refused unsent
        CompletionStage<String> call = policy.run(false, () -> {
            attempts.incrementAndGet();
            return CompletableFuture.failedFuture(new RedisConnectionException("refused", null));
        });

        assertThatThrownBy(() -> call.toCompletableFuture().get(5, TimeUnit.SECONDS)).cause()
                .isInstanceOf(RedisCircuitOpenException.class)
                .hasMessageContaining("Redis client 'test': the circuit breaker is open")
                .hasCauseInstanceOf(CircuitBreakerOpenException.class);
        assertThat(attempts).hasValue(2);
        assertThatThrownBy(() -> policy.run(false, () -> CompletableFuture.completedFuture("never sent")).toCompletableFuture()
                .get(5, TimeUnit.SECONDS)).cause().isInstanceOf(RedisCircuitOpenException.class);
        assertThat(attempts).as("no attempt while open, no retry of the refusal").hasValue(2);
    }
}
