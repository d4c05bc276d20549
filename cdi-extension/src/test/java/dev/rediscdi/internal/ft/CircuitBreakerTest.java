package dev.rediscdi.internal.ft;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import dev.rediscdi.internal.ft.CircuitBreaker.Phase;

class CircuitBreakerTest {
    private static final IllegalStateException UNAVAILABLE = new IllegalStateException("unavailable (counts as a failure)");
    private static final IllegalArgumentException REFUSED = new IllegalArgumentException("refused by Redis (counts as a success)");
    private static final Duration LONG = Duration.ofHours(1);

    private final List<Phase> changes = new CopyOnWriteArrayList<>();
    private final AtomicInteger attempts = new AtomicInteger();

    private CircuitBreaker breaker(int volume, double ratio, Duration delay, int successThreshold) {
        return new CircuitBreaker(volume, ratio, delay, successThreshold, failure -> failure instanceof IllegalStateException, changes::add);
    }

    private CompletableFuture<String> call(CircuitBreaker breaker, CompletableFuture<String> outcome) {
        return breaker.call(() -> {
            attempts.incrementAndGet();
            return outcome;
        }, () -> new UnsupportedOperationException("open")).toCompletableFuture();
    }

    private CompletableFuture<String> succeed(CircuitBreaker breaker) {
        return call(breaker, CompletableFuture.completedFuture("ok"));
    }

    private CompletableFuture<String> fail(CircuitBreaker breaker, RuntimeException failure) {
        return call(breaker, CompletableFuture.failedFuture(failure));
    }

    @Test
    void shouldOpenOnceTheWindowIsFullWithEnoughFailures() {
        CircuitBreaker breaker = breaker(4, 0.5, LONG, 1);
        succeed(breaker);
        fail(breaker, UNAVAILABLE);
        fail(breaker, UNAVAILABLE);
        assertThat(breaker.phase()).as("3 outcomes: the window of 4 is not full").isEqualTo(Phase.CLOSED);
        succeed(breaker);
        assertThat(breaker.phase()).as("2 failures of 4 reach 0.5").isEqualTo(Phase.OPEN);

        int before = attempts.get();
        assertThat(succeed(breaker)).isCompletedExceptionally();
        assertThat(succeed(breaker).handle((value, failure) -> failure).join()).isInstanceOf(UnsupportedOperationException.class);
        assertThat(attempts.get()).as("refused attempts never run").isEqualTo(before);
        assertThat(changes).containsExactly(Phase.OPEN);
    }

    @Test
    void shouldJudgeOnlyTheLastAttemptsOfTheWindow() {
        CircuitBreaker breaker = breaker(4, 0.75, LONG, 1);
        fail(breaker, UNAVAILABLE);
        fail(breaker, UNAVAILABLE);
        succeed(breaker);
        succeed(breaker); // full: 2 of 4, under 3
        succeed(breaker); // the oldest failure leaves the window: F S S S
        fail(breaker, UNAVAILABLE); // S S S F
        fail(breaker, UNAVAILABLE); // S S F F: 2 of 4, though 4 of the 7 outcomes so far failed
        assertThat(breaker.phase()).isEqualTo(Phase.CLOSED);
        fail(breaker, UNAVAILABLE); // S F F F: 3 of 4
        assertThat(breaker.phase()).isEqualTo(Phase.OPEN);
    }

    @Test
    void shouldCountOtherFailuresAsSuccesses() {
        CircuitBreaker breaker = breaker(2, 0.5, LONG, 1);
        for (int i = 0; i < 10; i++) {
            assertThat(fail(breaker, REFUSED).handle((value, failure) -> failure).join()).as("the failure, unwrapped").isSameAs(REFUSED);
        }
        assertThat(breaker.phase()).isEqualTo(Phase.CLOSED);
        assertThat(attempts.get()).isEqualTo(10);
    }

    @Test
    void shouldLetTrialsThroughAfterTheDelayAndCloseAfterEnoughSuccesses() throws Exception {
        CircuitBreaker breaker = breaker(1, 1, Duration.ofMillis(50), 2);
        fail(breaker, UNAVAILABLE);
        assertThat(breaker.phase()).isEqualTo(Phase.OPEN);
        Thread.sleep(60);

        CompletableFuture<String> first = new CompletableFuture<>();
        CompletableFuture<String> second = new CompletableFuture<>();
        CompletableFuture<String> firstResult = call(breaker, first);
        CompletableFuture<String> secondResult = call(breaker, second);
        assertThat(breaker.phase()).isEqualTo(Phase.HALF_OPEN);
        assertThat(succeed(breaker)).as("a third trial while two are in flight: refused").isCompletedExceptionally();
        first.complete("one");
        assertThat(breaker.phase()).as("one success of two").isEqualTo(Phase.HALF_OPEN);
        second.complete("two");
        assertThat(breaker.phase()).isEqualTo(Phase.CLOSED);
        assertThat(firstResult.join() + secondResult.join()).isEqualTo("onetwo");
        assertThat(changes).containsExactly(Phase.OPEN, Phase.HALF_OPEN, Phase.CLOSED);

        fail(breaker, UNAVAILABLE);
        assertThat(breaker.phase()).as("closed with an empty window of 1: one failure opens it").isEqualTo(Phase.OPEN);
    }

    @Test
    void shouldLetAnUntimedAttemptThroughHalfOpenWithoutTakingATrialsPlaceAndCountItsOutcome() throws Exception {
        CircuitBreaker breaker = breaker(1, 1, Duration.ofMillis(50), 1);
        fail(breaker, UNAVAILABLE);
        Thread.sleep(60);

        CompletableFuture<String> blocked = new CompletableFuture<>();
        CompletableFuture<String> blockedResult = breaker.call(() -> blocked, () -> new UnsupportedOperationException("open"), true)
                .toCompletableFuture();
        assertThat(breaker.phase()).isEqualTo(Phase.HALF_OPEN);
        CompletableFuture<String> trial = new CompletableFuture<>();
        CompletableFuture<String> trialResult = call(breaker, trial);
        assertThat(trialResult).as("the trial goes through while the untimed attempt waits").isNotDone();
        assertThat(succeed(breaker)).as("a second trial while one is in flight: refused").isCompletedExceptionally();
        trial.complete("pushed");
        assertThat(breaker.phase()).isEqualTo(Phase.CLOSED);
        assertThat(trialResult.join()).isEqualTo("pushed");

        fail(breaker, UNAVAILABLE);
        Thread.sleep(60);
        CompletableFuture<String> untimedTrial = new CompletableFuture<>();
        breaker.call(() -> untimedTrial, () -> new UnsupportedOperationException("open"), true);
        untimedTrial.completeExceptionally(UNAVAILABLE);
        assertThat(breaker.phase()).as("an untimed attempt's failure in half-open opens it again").isEqualTo(Phase.OPEN);
        blocked.complete("popped");
        assertThat(blockedResult.join()).isEqualTo("popped");
        assertThat(changes).containsExactly(Phase.OPEN, Phase.HALF_OPEN, Phase.CLOSED, Phase.OPEN, Phase.HALF_OPEN, Phase.OPEN);
    }

    @Test
    void shouldOpenAgainWhenATrialFails() throws Exception {
        CircuitBreaker breaker = breaker(1, 1, Duration.ofMillis(50), 1);
        fail(breaker, UNAVAILABLE);
        Thread.sleep(60);
        fail(breaker, UNAVAILABLE);
        assertThat(breaker.phase()).isEqualTo(Phase.OPEN);
        assertThat(succeed(breaker)).as("the delay starts again").isCompletedExceptionally();
        assertThat(changes).containsExactly(Phase.OPEN, Phase.HALF_OPEN, Phase.OPEN);
    }

    @Test
    void shouldIgnoreTheLateOutcomeOfAnAttemptLetThroughInAnEarlierState() throws Exception {
        CircuitBreaker breaker = breaker(1, 1, Duration.ofMillis(50), 1);
        CompletableFuture<String> late = new CompletableFuture<>();
        call(breaker, late); // let through while closed
        fail(breaker, UNAVAILABLE);
        Thread.sleep(60);
        CompletableFuture<String> trial = new CompletableFuture<>();
        call(breaker, trial);
        assertThat(breaker.phase()).isEqualTo(Phase.HALF_OPEN);
        late.completeExceptionally(UNAVAILABLE);
        assertThat(breaker.phase()).as("a failure of the closed state does not reopen a half-open breaker").isEqualTo(Phase.HALF_OPEN);
        trial.complete("ok");
        assertThat(breaker.phase()).isEqualTo(Phase.CLOSED);
    }

    @Test
    void shouldUnwrapCompletionExceptionsAndCountAnAttemptThatThrows() {
        CircuitBreaker breaker = breaker(2, 1, LONG, 1);
        CompletionStage<String> wrapped = fail(breaker, new CompletionException(UNAVAILABLE));
        assertThat(wrapped.toCompletableFuture().handle((value, failure) -> failure).join()).isSameAs(UNAVAILABLE);
        assertThatThrownBy(() -> breaker.call(() -> {
            throw UNAVAILABLE;
        }, () -> new UnsupportedOperationException("open"))).isSameAs(UNAVAILABLE);
        assertThat(breaker.phase()).as("two failures of two").isEqualTo(Phase.OPEN);
    }

    @Test
    void shouldRefuseSettingsOutsideTheirRangeNamingThem() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> breaker(0, 0.5, LONG, 1))
                .withMessageContaining("request-volume-threshold 0");
    }
}
