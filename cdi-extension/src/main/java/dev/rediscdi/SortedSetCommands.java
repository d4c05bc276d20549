package dev.rediscdi;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionStage;

/**
 * Commands on sorted sets (leaderboards, priority queues, time indexes). Get it with
 * {@code redis.sortedSet(String.class)}. Ranks start at 0 with the lowest score.
 *
 * @param <K> the key type
 * @param <V> the member type
 */
@SuppressWarnings("unchecked")
public interface SortedSetCommands<K, V> {

    /** {@code ZADD} of one member: {@code true} if it is new. */
    CompletionStage<Boolean> zadd(K key, double score, V member);

    /** {@code ZADD} of several members: how many are new. */
    CompletionStage<Long> zadd(K key, Map<V, Double> scores);

    /** {@code ZADD} with {@code NX|XX|GT|LT|CH}: how many members were added (or, with {@code CH}, changed). */
    CompletionStage<Long> zadd(K key, ZAddArgs args, Map<V, Double> scores);

    /** {@code ZADD ... INCR}: the member's new score, or {@code null} if the options prevented the update. */
    CompletionStage<Double> zaddIncr(K key, ZAddArgs args, double increment, V member);

    /** {@code ZINCRBY}: the member's new score. */
    CompletionStage<Double> zincrby(K key, double increment, V member);

    /** {@code ZRANGE} by rank, {@code start} to {@code stop} inclusive, negative from the end. */
    CompletionStage<List<V>> zrange(K key, long start, long stop);

    /** {@code ZRANGE} by rank, with {@code REV}. */
    CompletionStage<List<V>> zrange(K key, long start, long stop, ZRangeArgs args);

    /** {@code ZRANGE ... WITHSCORES} by rank. */
    CompletionStage<List<ScoredValue<V>>> zrangeWithScores(K key, long start, long stop);

    /** {@code ZRANGE ... WITHSCORES} by rank, with {@code REV}. */
    CompletionStage<List<ScoredValue<V>>> zrangeWithScores(K key, long start, long stop, ZRangeArgs args);

    /** {@code ZRANGE ... BYSCORE}. */
    CompletionStage<List<V>> zrangeByScore(K key, ScoreRange range);

    /** {@code ZRANGE ... BYSCORE} with {@code REV} or {@code LIMIT}. */
    CompletionStage<List<V>> zrangeByScore(K key, ScoreRange range, ZRangeArgs args);

    /** {@code ZRANGE ... BYSCORE WITHSCORES} with {@code REV} or {@code LIMIT}. */
    CompletionStage<List<ScoredValue<V>>> zrangeByScoreWithScores(K key, ScoreRange range, ZRangeArgs args);

    /** {@code ZRANGE ... BYLEX}. */
    CompletionStage<List<V>> zrangeByLex(K key, LexRange range);

    /** {@code ZRANGE ... BYLEX} with {@code REV} or {@code LIMIT}. */
    CompletionStage<List<V>> zrangeByLex(K key, LexRange range, ZRangeArgs args);

    /** {@code ZRANK}: the rank from the lowest score, or {@code null} if not a member. */
    CompletionStage<Long> zrank(K key, V member);

    /** {@code ZREVRANK}: the rank from the highest score, or {@code null}. */
    CompletionStage<Long> zrevrank(K key, V member);

    /** {@code ZSCORE}: the score, or {@code null}. */
    CompletionStage<Double> zscore(K key, V member);

    /** {@code ZCARD}: how many members. */
    CompletionStage<Long> zcard(K key);

    /** {@code ZCOUNT}: how many members have a score in the range. */
    CompletionStage<Long> zcount(K key, ScoreRange range);

    /** {@code ZREM}: how many members were removed. */
    CompletionStage<Long> zrem(K key, V... members);

    /** {@code ZPOPMIN}: the member with the lowest score, removed; {@code null} for an empty set. */
    CompletionStage<ScoredValue<V>> zpopmin(K key);

    /** {@code ZPOPMIN key count}. */
    CompletionStage<List<ScoredValue<V>>> zpopmin(K key, long count);

    /** {@code ZPOPMAX}: the member with the highest score, removed; {@code null} for an empty set. */
    CompletionStage<ScoredValue<V>> zpopmax(K key);

    /** {@code ZPOPMAX key count}. */
    CompletionStage<List<ScoredValue<V>>> zpopmax(K key, long count);

    /** {@code ZSCAN} over every member. */
    ScanIteration<ScoredValue<V>> zscan(K key);

    /** {@code ZSCAN} with a pattern or a page size. */
    ScanIteration<ScoredValue<V>> zscan(K key, ScanArgs args);
}
