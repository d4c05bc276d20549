package dev.rediscdi;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletionStage;

/**
 * Commands on keys of any type: removal, expiry, renaming, {@code SCAN}. Get it with {@code redis.keys()}.
 *
 * @param <K> the key type
 */
@SuppressWarnings("unchecked")
public interface KeyCommands<K> {

    /** {@code DEL}: how many of the keys existed. */
    CompletionStage<Long> del(K... keys);

    /** {@code UNLINK}: like {@code DEL}, the memory is freed in the background. */
    CompletionStage<Long> unlink(K... keys);

    /** {@code EXISTS} of one key. */
    CompletionStage<Boolean> exists(K key);

    /** {@code EXISTS} of several keys: how many exist (a key given twice counts twice). */
    CompletionStage<Long> countExisting(K... keys);

    /**
     * {@code EXPIRE}, in whole seconds: {@code true} if the time to live was set. As in Redis, a time to live of zero
     * or below (for {@code expireat}/{@code pexpireat}: an instant in the past) deletes the key at once.
     */
    CompletionStage<Boolean> expire(K key, Duration ttl);

    /** {@code EXPIRE ... NX|XX|GT|LT}: {@code true} if the condition held and the time to live was set; a null condition is refused. */
    CompletionStage<Boolean> expire(K key, Duration ttl, ExpireCondition condition);

    /** {@code PEXPIRE}, in whole milliseconds: {@code true} if the time to live was set. */
    CompletionStage<Boolean> pexpire(K key, Duration ttl);

    /** {@code PEXPIRE ... NX|XX|GT|LT}. */
    CompletionStage<Boolean> pexpire(K key, Duration ttl, ExpireCondition condition);

    /** {@code EXPIREAT}, to the second. */
    CompletionStage<Boolean> expireat(K key, Instant at);

    /** {@code EXPIREAT ... NX|XX|GT|LT}. */
    CompletionStage<Boolean> expireat(K key, Instant at, ExpireCondition condition);

    /** {@code PEXPIREAT}, to the millisecond. */
    CompletionStage<Boolean> pexpireat(K key, Instant at);

    /** {@code TTL}: seconds left; {@code -1} when the key has no time to live, {@code -2} when it does not exist. */
    CompletionStage<Long> ttl(K key);

    /** {@code PTTL}: milliseconds left; {@code -1} and {@code -2} as for {@link #ttl}. */
    CompletionStage<Long> pttl(K key);

    /** {@code PERSIST}: {@code true} if a time to live was removed. */
    CompletionStage<Boolean> persist(K key);

    /** {@code TYPE}: {@link KeyType#NONE} for a missing key. */
    CompletionStage<KeyType> type(K key);

    /** {@code RENAME}: fails with a {@link RedisReplyException} if {@code key} does not exist. */
    CompletionStage<Void> rename(K key, K newKey);

    /** {@code RENAMENX}: {@code false} if {@code newKey} already exists. */
    CompletionStage<Boolean> renamenx(K key, K newKey);

    /** {@code COPY}: {@code false} if {@code destination} exists (and {@code replace} is {@code false}) or {@code source} does not. */
    CompletionStage<Boolean> copy(K source, K destination, boolean replace);

    /** {@code SCAN} over every key. */
    ScanIteration<K> scan();

    /** {@code SCAN} with a pattern, a page size or a type. */
    ScanIteration<K> scan(ScanArgs args);
}
