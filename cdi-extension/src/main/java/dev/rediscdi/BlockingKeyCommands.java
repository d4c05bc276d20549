package dev.rediscdi;

import java.time.Duration;
import java.time.Instant;

/**
 * The blocking counterpart of {@link KeyCommands}: the same methods, each waiting for the reply and answering the
 * plain value. Obtained from {@link BlockingRedisClient}.
 *
 * @param <K> the key type
 */
@SuppressWarnings("unchecked")
public interface BlockingKeyCommands<K> {

    Long del(K... keys);

    Long unlink(K... keys);

    Boolean exists(K key);

    Long countExisting(K... keys);

    Boolean expire(K key, Duration ttl);

    Boolean expire(K key, Duration ttl, ExpireCondition condition);

    Boolean pexpire(K key, Duration ttl);

    Boolean pexpire(K key, Duration ttl, ExpireCondition condition);

    Boolean expireat(K key, Instant at);

    Boolean expireat(K key, Instant at, ExpireCondition condition);

    Boolean pexpireat(K key, Instant at);

    Long ttl(K key);

    Long pttl(K key);

    Boolean persist(K key);

    KeyType type(K key);

    void rename(K key, K newKey);

    Boolean renamenx(K key, K newKey);

    Boolean copy(K source, K destination, boolean replace);

    Iterable<K> scan();

    Iterable<K> scan(ScanArgs args);
}
