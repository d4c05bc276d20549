package dev.rediscdi.tests.faults;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;

/** How a call ended and how long it took, from the moment it was made. */
record Outcome<T>(T value, Throwable failure, long millis) {

    static <T> CompletableFuture<Outcome<T>> of(CompletionStage<T> call) {
        long start = System.nanoTime();
        return call.toCompletableFuture().handle((value, failure) -> new Outcome<>(value,
                failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure,
                (System.nanoTime() - start) / 1_000_000));
    }

    boolean succeeded() {
        return failure == null;
    }
}
