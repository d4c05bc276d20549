package dev.rediscdi;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletionStage;

/**
 * Commands on lists. Get it with {@code redis.list(Job.class)}. The blocking pops ({@code BLPOP}, {@code BRPOP},
 * {@code BLMOVE}) run on a connection of their own while they wait, so they never hold up other commands; their
 * {@code timeout} is how long Redis waits ({@link Duration#ZERO}: forever), and they get no client timeout.
 *
 * @param <K> the key type
 * @param <V> the element type
 */
@SuppressWarnings("unchecked")
public interface ListCommands<K, V> {

    /** {@code LPUSH}: the length after the push. */
    CompletionStage<Long> lpush(K key, V... values);

    /** {@code RPUSH}: the length after the push. */
    CompletionStage<Long> rpush(K key, V... values);

    /** {@code LPOP}: the first element, or {@code null}. */
    CompletionStage<V> lpop(K key);

    /** {@code RPOP}: the last element, or {@code null}. */
    CompletionStage<V> rpop(K key);

    /** {@code LPOP key count}: up to {@code count} elements; empty for a missing key. */
    CompletionStage<List<V>> lpop(K key, long count);

    /** {@code RPOP key count}. */
    CompletionStage<List<V>> rpop(K key, long count);

    /** {@code LRANGE}: elements {@code start} to {@code stop}, inclusive, negative from the end. */
    CompletionStage<List<V>> lrange(K key, long start, long stop);

    /** {@code LLEN}. */
    CompletionStage<Long> llen(K key);

    /** {@code LINDEX}: the element, or {@code null}. */
    CompletionStage<V> lindex(K key, long index);

    /** {@code LSET}. */
    CompletionStage<Void> lset(K key, long index, V value);

    /** {@code LREM}: removes up to {@code count} occurrences (0: all; negative: from the end); how many were removed. */
    CompletionStage<Long> lrem(K key, long count, V value);

    /** {@code LTRIM}: keeps elements {@code start} to {@code stop}. */
    CompletionStage<Void> ltrim(K key, long start, long stop);

    /** {@code LPOS}: the index of the first occurrence, or {@code null}. */
    CompletionStage<Long> lpos(K key, V value);

    /** {@code LMOVE}: moves an element from one list to another atomically; the element, or {@code null}. */
    CompletionStage<V> lmove(K source, K destination, ListSide from, ListSide to);

    /** {@code BLPOP}: the first element of the first non-empty list, waiting up to {@code timeout}; {@code null} on timeout. */
    CompletionStage<KeyValue<K, V>> blpop(Duration timeout, K... keys);

    /** {@code BRPOP}: as {@link #blpop}, from the end. */
    CompletionStage<KeyValue<K, V>> brpop(Duration timeout, K... keys);

    /** {@code BLMOVE}: as {@link #lmove}, waiting up to {@code timeout}; {@code null} on timeout. */
    CompletionStage<V> blmove(K source, K destination, ListSide from, ListSide to, Duration timeout);
}
