package dev.rediscdi;

import java.util.Map;
import java.util.concurrent.CompletionStage;

/**
 * Commands on string values ({@code GET}, {@code SET}...), with keys of type {@code K} and values of type
 * {@code V} encoded by the client's codecs. Get it with {@code redis.value(Order.class)}. A missing key reads as
 * {@code null}.
 *
 * @param <K> the key type
 * @param <V> the value type
 */
@SuppressWarnings("unchecked")
public interface ValueCommands<K, V> {

    /** {@code GET}: the value, or {@code null}. */
    CompletionStage<V> get(K key);

    /** {@code SET}: stores the value, removing any time to live. */
    CompletionStage<Void> set(K key, V value);

    /** {@code SET} with options: {@code true} if the value was written, {@code false} if {@code NX}/{@code XX} prevented it. */
    CompletionStage<Boolean> set(K key, V value, SetArgs args);

    /** {@code SET ... GET}: stores the value and answers the previous one (or {@code null}). */
    CompletionStage<V> setGet(K key, V value, SetArgs args);

    /** {@code MGET}: the values of the keys, in the keys' order, {@code null} for missing keys. */
    CompletionStage<Map<K, V>> mget(K... keys);

    /** {@code MSET}: stores every entry at once. */
    CompletionStage<Void> mset(Map<K, V> entries);

    /** {@code MSETNX}: stores every entry only if none of the keys exists; {@code true} if stored. */
    CompletionStage<Boolean> msetnx(Map<K, V> entries);

    /** {@code INCR}: the value after adding one (a missing key counts as 0). */
    CompletionStage<Long> incr(K key);

    /** {@code INCRBY}. */
    CompletionStage<Long> incrby(K key, long amount);

    /** {@code INCRBYFLOAT}. */
    CompletionStage<Double> incrbyfloat(K key, double amount);

    /** {@code DECR}. */
    CompletionStage<Long> decr(K key);

    /** {@code DECRBY}. */
    CompletionStage<Long> decrby(K key, long amount);

    /** {@code GETDEL}: the value, removed. */
    CompletionStage<V> getdel(K key);

    /** {@code GETEX}: the value, and sets or removes its time to live. */
    CompletionStage<V> getex(K key, GetExArgs args);

    /** {@code SETRANGE}: overwrites part of the value from {@code offset}; answers the new length. */
    CompletionStage<Long> setrange(K key, long offset, V value);

    /** {@code GETRANGE}: the bytes from {@code start} to {@code end} (inclusive, negative from the end), as UTF-8 text. */
    CompletionStage<String> getrange(K key, long start, long end);

    /** {@code APPEND}: answers the new length. */
    CompletionStage<Long> append(K key, V value);

    /** {@code STRLEN}: the length of the stored bytes, 0 for a missing key. */
    CompletionStage<Long> strlen(K key);
}
