package dev.rediscdi.internal.ft;

import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * MicroProfile Fault Tolerance's circuit breaker, read as SmallRye Fault Tolerance reads it, for one client's
 * commands.
 *
 * <ul>
 * <li>Closed: every attempt goes through; the outcomes of the last {@code requestVolumeThreshold} attempts form a
 * rolling window, and once it is full with at least {@code ceil(failureRatio * requestVolumeThreshold)} failures the
 * breaker opens. Only what {@code isFailure} accepts counts as a failure; any other outcome counts as a success.</li>
 * <li>Open: attempts are refused for {@code delay}; the first attempt after it moves the breaker to half-open.</li>
 * <li>Half-open: up to {@code successThreshold} trial attempts go through, the others are refused; as many successes
 * close the breaker with an empty window, one failure opens it again. An attempt whose outcome may be long in coming
 * (a blocking command waits in Redis for its own block timeout, or until served) goes through without taking a trial's
 * place, its outcome counted like a trial's when it comes: as a trial, a {@code BLPOP queue 0} would keep the breaker
 * half-open, refusing every other command, until something is pushed, which only a refused command could do.</li>
 * </ul>
 * An outcome counts in the state its attempt was let through in: a late outcome of an older state changes nothing.
 *
 * <p>Written here rather than built with SmallRye's {@code Guard}, which this library used before: the guard wraps
 * every call in its invocation machinery (an invocation context, an event handler registered per call, futures of
 * its own and two conversions), measured at about 0.5 µs of client CPU per command, some 6 % of what a command
 * costs the client with 64 in flight; the breaker's own work is the few lines of state below. Its retries had
 * already been replaced ({@link RetryLoop} says why).
 */
final class CircuitBreaker {
    enum Phase {
        CLOSED, OPEN, HALF_OPEN
    }

    private final int requestVolumeThreshold;
    private final int failureThreshold;
    private final long delayNanos;
    private final int successThreshold;
    private final Predicate<Throwable> isFailure;
    private final Consumer<Phase> onChange;
    private final AtomicReference<State> state;

    /**
     * @param isFailure the failures that count as such (the others count as successes)
     * @param onChange told each time the breaker changes state, on the thread that changed it
     */
    CircuitBreaker(int requestVolumeThreshold, double failureRatio, Duration delay, int successThreshold,
            Predicate<Throwable> isFailure, Consumer<Phase> onChange) {
        if (requestVolumeThreshold < 1 || failureRatio < 0 || failureRatio > 1 || delay.isNegative() || successThreshold < 1) {
            throw new IllegalArgumentException("circuit breaker: request-volume-threshold " + requestVolumeThreshold + ", failure-ratio "
                    + failureRatio + ", delay " + delay + ", success-threshold " + successThreshold
                    + ": the threshold and success threshold must be at least 1, the ratio within 0..1, the delay not negative");
        }
        this.requestVolumeThreshold = requestVolumeThreshold;
        this.failureThreshold = (int) Math.ceil(failureRatio * requestVolumeThreshold);
        this.delayNanos = delay.toNanos();
        this.successThreshold = successThreshold;
        this.isFailure = isFailure;
        this.onChange = onChange;
        this.state = new AtomicReference<>(closed());
    }

    /**
     * Runs the attempt if the breaker lets it through, and counts its outcome.
     *
     * @param refusal the failure of an attempt the breaker refused
     * @return the attempt's stage, failures unwrapped from {@link CompletionException}
     */
    <T> CompletionStage<T> call(Supplier<CompletionStage<T>> attempt, Supplier<? extends RuntimeException> refusal) {
        return call(attempt, refusal, false);
    }

    /**
     * As {@link #call(Supplier, Supplier)}; {@code untimed}: the outcome may take longer than the client's timeout
     * (a blocking command), so that in half-open the attempt takes no trial's place.
     */
    <T> CompletionStage<T> call(Supplier<CompletionStage<T>> attempt, Supplier<? extends RuntimeException> refusal, boolean untimed) {
        State admitted = admit(untimed);
        if (admitted == null) {
            return CompletableFuture.failedFuture(refusal.get());
        }
        CompletionStage<T> stage;
        try {
            stage = attempt.get();
        } catch (RuntimeException e) {
            record(admitted, e);
            throw e;
        }
        CompletableFuture<T> result = new CompletableFuture<>();
        stage.whenComplete((value, failure) -> {
            Throwable cause = Causes.unwrap(failure);
            record(admitted, cause); // first, so that a retry of this failure sees the state it leaves
            if (cause == null) {
                result.complete(value);
            } else {
                result.completeExceptionally(cause);
            }
        });
        return result;
    }

    Phase phase() {
        return state.get().phase;
    }

    /** The state an attempt goes through in, {@code null} when it is refused. */
    private State admit(boolean untimed) {
        for (int tries = 0; tries < 100; tries++) { // each turn follows a state change by another thread
            State current = state.get();
            switch (current.phase) {
                case CLOSED:
                    return current;
                case OPEN:
                    if (System.nanoTime() - current.openedNanos < delayNanos) {
                        return null;
                    }
                    moveOn(current, halfOpen());
                    break;
                case HALF_OPEN:
                    return untimed || current.trials.incrementAndGet() <= successThreshold ? current : null;
                default:
                    throw new AssertionError(current.phase);
            }
        }
        return null; // the state changed under this thread a hundred times in a row: refuse this one attempt
    }

    private void record(State admitted, Throwable failure) {
        boolean failed = failure != null && isFailure.test(failure);
        if (admitted.phase == Phase.CLOSED) {
            if (admitted.window.record(failed)) {
                moveOn(admitted, open());
            }
        } else if (admitted.phase == Phase.HALF_OPEN) {
            if (failed) {
                moveOn(admitted, open());
            } else if (admitted.successes.incrementAndGet() >= successThreshold) {
                moveOn(admitted, closed());
            }
        }
    }

    private void moveOn(State from, State to) {
        if (state.compareAndSet(from, to)) {
            onChange.accept(to.phase);
        }
    }

    private State closed() {
        return new State(Phase.CLOSED, new RollingWindow(requestVolumeThreshold, failureThreshold), 0);
    }

    private static State open() {
        return new State(Phase.OPEN, null, System.nanoTime());
    }

    private static State halfOpen() {
        return new State(Phase.HALF_OPEN, null, 0);
    }

    @Override
    public String toString() {
        return "circuit breaker " + phase().name().toLowerCase(Locale.ROOT);
    }

    /** One state of the breaker; a change replaces it whole, so that late outcomes of the old one are left out. */
    private static final class State {
        final Phase phase;
        final RollingWindow window; // closed
        final long openedNanos; // open
        final AtomicInteger trials = new AtomicInteger(); // half-open
        final AtomicInteger successes = new AtomicInteger(); // half-open

        State(Phase phase, RollingWindow window, long openedNanos) {
            this.phase = phase;
            this.window = window;
            this.openedNanos = openedNanos;
        }
    }

    /** The outcomes of the last {@code size} attempts. */
    private static final class RollingWindow {
        private final boolean[] failed;
        private final int failureThreshold;
        private int next;
        private int recorded;
        private int failures;

        RollingWindow(int size, int failureThreshold) {
            this.failed = new boolean[size];
            this.failureThreshold = failureThreshold;
        }

        /** Adds one outcome; true when the window is full and holds enough failures to open the breaker. */
        synchronized boolean record(boolean failure) {
            if (recorded == failed.length) {
                if (failed[next]) {
                    failures--;
                }
            } else {
                recorded++;
            }
            failed[next] = failure;
            if (failure) {
                failures++;
            }
            next = (next + 1) % failed.length;
            return recorded == failed.length && failures >= failureThreshold;
        }
    }
}
