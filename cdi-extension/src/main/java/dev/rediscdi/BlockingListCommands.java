package dev.rediscdi;

import java.time.Duration;
import java.util.List;

/**
 * The blocking counterpart of {@link ListCommands}: the same methods, each waiting for the reply and answering the
 * plain value. Obtained from {@link BlockingRedisClient}.
 *
 * @param <K> the key type
 * @param <V> the element type
 */
@SuppressWarnings("unchecked")
public interface BlockingListCommands<K, V> {

    Long lpush(K key, V... values);

    Long rpush(K key, V... values);

    V lpop(K key);

    V rpop(K key);

    List<V> lpop(K key, long count);

    List<V> rpop(K key, long count);

    List<V> lrange(K key, long start, long stop);

    Long llen(K key);

    V lindex(K key, long index);

    void lset(K key, long index, V value);

    Long lrem(K key, long count, V value);

    void ltrim(K key, long start, long stop);

    Long lpos(K key, V value);

    V lmove(K source, K destination, ListSide from, ListSide to);

    KeyValue<K, V> blpop(Duration timeout, K... keys);

    KeyValue<K, V> brpop(Duration timeout, K... keys);

    V blmove(K source, K destination, ListSide from, ListSide to, Duration timeout);
}
