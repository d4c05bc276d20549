package dev.rediscdi;

import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletionStage;

/**
 * Commands on sets. Get it with {@code redis.set(String.class)}.
 *
 * @param <K> the key type
 * @param <V> the member type
 */
@SuppressWarnings("unchecked")
public interface SetCommands<K, V> {

    /** {@code SADD}: how many members are new. */
    CompletionStage<Long> sadd(K key, V... members);

    /** {@code SREM}: how many members were removed. */
    CompletionStage<Long> srem(K key, V... members);

    /** {@code SMEMBERS}: every member; empty for a missing key. */
    CompletionStage<Set<V>> smembers(K key);

    /** {@code SISMEMBER}. */
    CompletionStage<Boolean> sismember(K key, V member);

    /** {@code SMISMEMBER}: for each member, in order, whether it belongs to the set. */
    CompletionStage<List<Boolean>> smismember(K key, V... members);

    /** {@code SCARD}: how many members. */
    CompletionStage<Long> scard(K key);

    /** {@code SPOP}: removes and answers a random member, or {@code null}. */
    CompletionStage<V> spop(K key);

    /** {@code SPOP key count}. */
    CompletionStage<Set<V>> spop(K key, long count);

    /** {@code SRANDMEMBER key count}: random members, not removed (negative {@code count} allows repeats). */
    CompletionStage<List<V>> srandmember(K key, long count);

    /** {@code SMOVE}: {@code true} if the member was moved. */
    CompletionStage<Boolean> smove(K source, K destination, V member);

    /** {@code SINTER}. */
    CompletionStage<Set<V>> sinter(K... keys);

    /** {@code SUNION}. */
    CompletionStage<Set<V>> sunion(K... keys);

    /** {@code SDIFF}: members of the first set not in the others. */
    CompletionStage<Set<V>> sdiff(K... keys);

    /** {@code SINTERSTORE}: the size of the stored result. */
    CompletionStage<Long> sinterstore(K destination, K... keys);

    /** {@code SUNIONSTORE}. */
    CompletionStage<Long> sunionstore(K destination, K... keys);

    /** {@code SDIFFSTORE}. */
    CompletionStage<Long> sdiffstore(K destination, K... keys);

    /** {@code SSCAN} over every member. */
    ScanIteration<V> sscan(K key);

    /** {@code SSCAN} with a pattern or a page size. */
    ScanIteration<V> sscan(K key, ScanArgs args);
}
