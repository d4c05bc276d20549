package dev.rediscdi;

import java.util.List;
import java.util.Map;

/**
 * The blocking counterpart of {@link SortedSetCommands}: the same methods, each waiting for the reply and answering the
 * plain value. Obtained from {@link BlockingRedisClient}.
 *
 * @param <K> the key type
 * @param <V> the member type
 */
@SuppressWarnings("unchecked")
public interface BlockingSortedSetCommands<K, V> {

    Boolean zadd(K key, double score, V member);

    Long zadd(K key, Map<V, Double> scores);

    Long zadd(K key, ZAddArgs args, Map<V, Double> scores);

    Double zaddIncr(K key, ZAddArgs args, double increment, V member);

    Double zincrby(K key, double increment, V member);

    List<V> zrange(K key, long start, long stop);

    List<V> zrange(K key, long start, long stop, ZRangeArgs args);

    List<ScoredValue<V>> zrangeWithScores(K key, long start, long stop);

    List<ScoredValue<V>> zrangeWithScores(K key, long start, long stop, ZRangeArgs args);

    List<V> zrangeByScore(K key, ScoreRange range);

    List<V> zrangeByScore(K key, ScoreRange range, ZRangeArgs args);

    List<ScoredValue<V>> zrangeByScoreWithScores(K key, ScoreRange range, ZRangeArgs args);

    List<V> zrangeByLex(K key, LexRange range);

    List<V> zrangeByLex(K key, LexRange range, ZRangeArgs args);

    Long zrank(K key, V member);

    Long zrevrank(K key, V member);

    Double zscore(K key, V member);

    Long zcard(K key);

    Long zcount(K key, ScoreRange range);

    Long zrem(K key, V... members);

    ScoredValue<V> zpopmin(K key);

    List<ScoredValue<V>> zpopmin(K key, long count);

    ScoredValue<V> zpopmax(K key);

    List<ScoredValue<V>> zpopmax(K key, long count);

    Iterable<ScoredValue<V>> zscan(K key);

    Iterable<ScoredValue<V>> zscan(K key, ScanArgs args);
}
