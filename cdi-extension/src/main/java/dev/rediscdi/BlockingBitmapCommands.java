package dev.rediscdi;


/**
 * The blocking counterpart of {@link BitmapCommands}: the same methods, each waiting for the reply and answering the
 * plain value. Obtained from {@link BlockingRedisClient}.
 *
 * @param <K> the key type
 */
public interface BlockingBitmapCommands<K> {

    Boolean setbit(K key, long offset, boolean value);

    Boolean getbit(K key, long offset);

    Long bitcount(K key);

    Long bitcount(K key, long start, long end);

    Long bitpos(K key, boolean bit);

    Long bitpos(K key, boolean bit, long start, long end);
}
