package dev.rediscdi;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * The blocking counterpart of {@link StreamCommands}: the same methods, each waiting for the reply and answering the
 * plain value. Obtained from {@link BlockingRedisClient}.
 *
 * @param <K> the key type
 * @param <V> the type of the fields' values
 */
public interface BlockingStreamCommands<K, V> {

    String xadd(K key, Map<String, V> fields);

    String xadd(K key, XAddArgs args, Map<String, V> fields);

    Long xlen(K key);

    List<StreamMessage<K, V>> xrange(K key, String start, String end, long count);

    List<StreamMessage<K, V>> xread(Map<K, String> idsByStream, XReadArgs args);

    void xgroupCreate(K key, String group, String from, boolean mkStream);

    List<StreamMessage<K, V>> xreadgroup(String group, String consumer, Map<K, String> idsByStream, XReadArgs args);

    Long xack(K key, String group, String... ids);

    PendingSummary xpending(K key, String group);

    List<PendingMessage> xpending(K key, String group, XPendingArgs args);

    List<StreamMessage<K, V>> xclaim(K key, String group, String consumer, Duration minIdle, String... ids);

    AutoClaimResult<K, V> xautoclaim(K key, String group, String consumer, Duration minIdle, String start, long count);

    Long xtrim(K key, StreamTrim trim);

    Long xdel(K key, String... ids);
}
