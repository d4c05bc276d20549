package dev.rediscdi;

import java.util.List;
import java.util.Set;

/**
 * The blocking counterpart of {@link SetCommands}: the same methods, each waiting for the reply and answering the
 * plain value. Obtained from {@link BlockingRedisClient}.
 *
 * @param <K> the key type
 * @param <V> the member type
 */
@SuppressWarnings("unchecked")
public interface BlockingSetCommands<K, V> {

    Long sadd(K key, V... members);

    Long srem(K key, V... members);

    Set<V> smembers(K key);

    Boolean sismember(K key, V member);

    List<Boolean> smismember(K key, V... members);

    Long scard(K key);

    V spop(K key);

    Set<V> spop(K key, long count);

    List<V> srandmember(K key, long count);

    Boolean smove(K source, K destination, V member);

    Set<V> sinter(K... keys);

    Set<V> sunion(K... keys);

    Set<V> sdiff(K... keys);

    Long sinterstore(K destination, K... keys);

    Long sunionstore(K destination, K... keys);

    Long sdiffstore(K destination, K... keys);

    Iterable<V> sscan(K key);

    Iterable<V> sscan(K key, ScanArgs args);
}
