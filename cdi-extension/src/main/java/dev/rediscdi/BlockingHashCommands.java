package dev.rediscdi;

import java.util.List;
import java.util.Map;

/**
 * The blocking counterpart of {@link HashCommands}: the same methods, each waiting for the reply and answering the
 * plain value. Obtained from {@link BlockingRedisClient}.
 *
 * @param <K> the key type
 * @param <V> the type of the fields' values
 */
public interface BlockingHashCommands<K, V> {

    Boolean hset(K key, String field, V value);

    Long hset(K key, Map<String, V> fields);

    Boolean hsetnx(K key, String field, V value);

    V hget(K key, String field);

    Map<String, V> hmget(K key, String... fields);

    Map<String, V> hgetall(K key);

    Long hdel(K key, String... fields);

    Boolean hexists(K key, String field);

    List<String> hkeys(K key);

    List<V> hvals(K key);

    Long hlen(K key);

    Long hincrby(K key, String field, long amount);

    Double hincrbyfloat(K key, String field, double amount);

    Iterable<Map.Entry<String, V>> hscan(K key);

    Iterable<Map.Entry<String, V>> hscan(K key, ScanArgs args);
}
