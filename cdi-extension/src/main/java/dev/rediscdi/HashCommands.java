package dev.rediscdi;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionStage;

/**
 * Commands on hashes, with {@code String} field names and values of type {@code V}. Get it with
 * {@code redis.hash(Integer.class)}.
 *
 * @param <K> the key type
 * @param <V> the type of the fields' values
 */
public interface HashCommands<K, V> {

    /** {@code HSET} of one field: {@code true} if the field is new. */
    CompletionStage<Boolean> hset(K key, String field, V value);

    /** {@code HSET} of several fields: how many are new. */
    CompletionStage<Long> hset(K key, Map<String, V> fields);

    /** {@code HSETNX}: sets the field only if it does not exist. */
    CompletionStage<Boolean> hsetnx(K key, String field, V value);

    /** {@code HGET}: the field's value, or {@code null}. */
    CompletionStage<V> hget(K key, String field);

    /** {@code HMGET}: the values in the fields' order, {@code null} for missing fields. */
    CompletionStage<Map<String, V>> hmget(K key, String... fields);

    /** {@code HGETALL}: every field; an empty map for a missing key. */
    CompletionStage<Map<String, V>> hgetall(K key);

    /** {@code HDEL}: how many fields were removed. */
    CompletionStage<Long> hdel(K key, String... fields);

    /** {@code HEXISTS}. */
    CompletionStage<Boolean> hexists(K key, String field);

    /** {@code HKEYS}: the field names. */
    CompletionStage<List<String>> hkeys(K key);

    /** {@code HVALS}: the values. */
    CompletionStage<List<V>> hvals(K key);

    /** {@code HLEN}: how many fields. */
    CompletionStage<Long> hlen(K key);

    /** {@code HINCRBY}: the field's value after the increment. */
    CompletionStage<Long> hincrby(K key, String field, long amount);

    /** {@code HINCRBYFLOAT}. */
    CompletionStage<Double> hincrbyfloat(K key, String field, double amount);

    /** {@code HSCAN} over every field. */
    ScanIteration<Map.Entry<String, V>> hscan(K key);

    /** {@code HSCAN} with a pattern or a page size. */
    ScanIteration<Map.Entry<String, V>> hscan(K key, ScanArgs args);
}
