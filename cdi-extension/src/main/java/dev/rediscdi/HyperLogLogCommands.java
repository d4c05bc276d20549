package dev.rediscdi;

import java.util.concurrent.CompletionStage;

/**
 * Commands on HyperLogLogs: counting distinct elements in 12 KB, with about 0.81% error. Get it with
 * {@code redis.hyperLogLog(String.class)}.
 *
 * @param <K> the key type
 * @param <V> the element type
 */
@SuppressWarnings("unchecked")
public interface HyperLogLogCommands<K, V> {

    /** {@code PFADD}: {@code true} if the estimate changed; with no element, creates an empty HyperLogLog ({@code true} if it did not exist). */
    CompletionStage<Boolean> pfadd(K key, V... elements);

    /** {@code PFCOUNT}: the estimated number of distinct elements of the union of the keys. */
    CompletionStage<Long> pfcount(K... keys);

    /** {@code PFMERGE}: stores the union of the sources and {@code destination} in {@code destination} (with no source: creates it empty if missing). */
    CompletionStage<Void> pfmerge(K destination, K... sources);
}
