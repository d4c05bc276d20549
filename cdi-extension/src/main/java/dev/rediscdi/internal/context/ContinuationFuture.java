package dev.rediscdi.internal.context;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BiConsumer;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The stage a caller gets back: continuations registered on it before it completes run through
 * {@link Continuations#here()}, captured where they were registered (the caller's Vert.x context, else a worker
 * thread, with the caller's class loader and request context), never on the client's event loops.
 *
 * <p>{@code join()} and {@code get()} wake the waiting thread directly: a caller that waits pays no hop; it yields
 * the processor a few times before it parks ({@link BriefWait}). A
 * continuation registered once the stage is complete runs at once on the registering thread, as
 * {@link CompletableFuture} does: that thread is the caller's own. Dependent stages are of this class too.
 */
final class ContinuationFuture<T> extends CompletableFuture<T> {
    private final Continuations continuations;

    ContinuationFuture(Continuations continuations) {
        this.continuations = continuations;
    }

    @Override
    public <U> CompletableFuture<U> newIncompleteFuture() {
        return new ContinuationFuture<>(continuations);
    }

    @Override
    public Executor defaultExecutor() {
        return continuations.here();
    }

    @Override
    public <U> CompletableFuture<U> thenApply(Function<? super T, ? extends U> fn) {
        return isDone() ? super.thenApply(fn) : super.thenApplyAsync(fn, continuations.here());
    }

    @Override
    public CompletableFuture<Void> thenAccept(Consumer<? super T> action) {
        return isDone() ? super.thenAccept(action) : super.thenAcceptAsync(action, continuations.here());
    }

    @Override
    public CompletableFuture<Void> thenRun(Runnable action) {
        return isDone() ? super.thenRun(action) : super.thenRunAsync(action, continuations.here());
    }

    @Override
    public <U, V> CompletableFuture<V> thenCombine(CompletionStage<? extends U> other, BiFunction<? super T, ? super U, ? extends V> fn) {
        return super.thenCombineAsync(other, fn, continuations.here());
    }

    @Override
    public <U> CompletableFuture<Void> thenAcceptBoth(CompletionStage<? extends U> other, BiConsumer<? super T, ? super U> action) {
        return super.thenAcceptBothAsync(other, action, continuations.here());
    }

    @Override
    public CompletableFuture<Void> runAfterBoth(CompletionStage<?> other, Runnable action) {
        return super.runAfterBothAsync(other, action, continuations.here());
    }

    @Override
    public <U> CompletableFuture<U> applyToEither(CompletionStage<? extends T> other, Function<? super T, U> fn) {
        return super.applyToEitherAsync(other, fn, continuations.here());
    }

    @Override
    public CompletableFuture<Void> acceptEither(CompletionStage<? extends T> other, Consumer<? super T> action) {
        return super.acceptEitherAsync(other, action, continuations.here());
    }

    @Override
    public CompletableFuture<Void> runAfterEither(CompletionStage<?> other, Runnable action) {
        return super.runAfterEitherAsync(other, action, continuations.here());
    }

    @Override
    public <U> CompletableFuture<U> thenCompose(Function<? super T, ? extends CompletionStage<U>> fn) {
        return isDone() ? super.thenCompose(fn) : super.thenComposeAsync(fn, continuations.here());
    }

    @Override
    public <U> CompletableFuture<U> handle(BiFunction<? super T, Throwable, ? extends U> fn) {
        return isDone() ? super.handle(fn) : super.handleAsync(fn, continuations.here());
    }

    @Override
    public CompletableFuture<T> whenComplete(BiConsumer<? super T, ? super Throwable> action) {
        return isDone() ? super.whenComplete(action) : super.whenCompleteAsync(action, continuations.here());
    }

    @Override
    public CompletableFuture<T> exceptionally(Function<Throwable, ? extends T> fn) {
        return isDone() ? super.exceptionally(fn) : super.exceptionallyAsync(fn, continuations.here());
    }

    @Override
    public CompletableFuture<T> exceptionallyCompose(Function<Throwable, ? extends CompletionStage<T>> fn) {
        return isDone() ? super.exceptionallyCompose(fn) : super.exceptionallyComposeAsync(fn, continuations.here());
    }

    /** A stage of this class too: the JDK's minimal stage would run its continuations where this one completes. */
    @Override
    public CompletionStage<T> minimalCompletionStage() {
        ContinuationFuture<T> copy = new ContinuationFuture<>(continuations);
        super.whenComplete((value, failure) -> {
            if (failure == null) {
                copy.complete(value);
            } else {
                copy.completeExceptionally(failure);
            }
        });
        return copy;
    }

    /** Waits as {@link CompletableFuture} does, after a {@link BriefWait}. */
    @Override
    public T join() {
        long outlasted = continuations.briefWait().yieldWhileRunning(this);
        try {
            return super.join();
        } finally {
            continuations.briefWait().waited(outlasted);
        }
    }

    /** Waits as {@link CompletableFuture} does, after a {@link BriefWait}. */
    @Override
    public T get() throws InterruptedException, ExecutionException {
        long outlasted = continuations.briefWait().yieldWhileRunning(this);
        try {
            return super.get();
        } finally {
            continuations.briefWait().waited(outlasted);
        }
    }

    /** Waits as {@link CompletableFuture} does, after a {@link BriefWait} that ends by the timeout. */
    @Override
    public T get(long timeout, TimeUnit unit) throws InterruptedException, ExecutionException, TimeoutException {
        long outlasted = continuations.briefWait().yieldWhileRunning(this, System.nanoTime() + unit.toNanos(timeout));
        try {
            return super.get(timeout, unit);
        } finally {
            continuations.briefWait().waited(outlasted);
        }
    }

    @Override
    public String toString() {
        return "ContinuationFuture" + super.toString().substring(super.toString().indexOf('['));
    }
}
