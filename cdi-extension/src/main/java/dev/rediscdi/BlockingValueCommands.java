package dev.rediscdi;

import java.util.Map;

/**
 * The blocking counterpart of {@link ValueCommands}: the same methods, each waiting for the reply and answering the
 * plain value. Obtained from {@link BlockingRedisClient}.
 *
 * @param <K> the key type
 * @param <V> the value type
 */
@SuppressWarnings("unchecked")
public interface BlockingValueCommands<K, V> {

    V get(K key);

    void set(K key, V value);

    Boolean set(K key, V value, SetArgs args);

    V setGet(K key, V value, SetArgs args);

    Map<K, V> mget(K... keys);

    void mset(Map<K, V> entries);

    Boolean msetnx(Map<K, V> entries);

    Long incr(K key);

    Long incrby(K key, long amount);

    Double incrbyfloat(K key, double amount);

    Long decr(K key);

    Long decrby(K key, long amount);

    V getdel(K key);

    V getex(K key, GetExArgs args);

    Long setrange(K key, long offset, V value);

    String getrange(K key, long start, long end);

    Long append(K key, V value);

    Long strlen(K key);
}
