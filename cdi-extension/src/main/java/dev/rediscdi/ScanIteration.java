package dev.rediscdi;

import java.util.List;
import java.util.concurrent.CompletionStage;
import java.util.function.Consumer;
import java.util.stream.Collector;

/**
 * An iteration over {@code SCAN} (or {@code HSCAN}, {@code SSCAN}, {@code ZSCAN}) that drives the cursor itself: each
 * page is asked for once the previous one was handed over. Nothing is sent before a terminal method is called;
 * each call runs a new iteration.
 *
 * <p>What Redis guarantees holds: every element present for the whole iteration is seen, elements added or
 * removed meanwhile may or may not be, and an element may be seen more than once. On a cluster,
 * {@code keys().scan()} scans each primary to its end in turn (the primaries the cluster names when the iteration
 * starts): a slot migrated meanwhile may hide or repeat its keys, and a primary gone midway (stopped, or moved to
 * another address) fails the iteration; one that failed over but still runs, as a replica, is scanned on. {@code HSCAN}, {@code SSCAN} and {@code ZSCAN} follow their key.
 *
 * @param <T> the element type
 */
public interface ScanIteration<T> {

    /**
     * Hands every element to {@code action}, page after page; completes when the cursor came back to zero, or fails
     * with the first error of Redis or of {@code action}. The action runs where continuations run (see
     * {@link RedisClient}), one page after the other, never on the client's event loops.
     */
    CompletionStage<Void> forEach(Consumer<? super T> action);

    /** Every element, in the order Redis returned them. */
    CompletionStage<List<T>> toList();

    /** Every element, collected with a {@link java.util.stream.Collectors collector}, such as {@code Collectors.toSet()}. */
    <R, A> CompletionStage<R> collect(Collector<? super T, A, R> collector);
}
