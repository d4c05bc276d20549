package dev.rediscdi;


/**
 * The blocking counterpart of {@link HyperLogLogCommands}: the same methods, each waiting for the reply and answering the
 * plain value. Obtained from {@link BlockingRedisClient}.
 *
 * @param <K> the key type
 * @param <V> the element type
 */
@SuppressWarnings("unchecked")
public interface BlockingHyperLogLogCommands<K, V> {

    Boolean pfadd(K key, V... elements);

    Long pfcount(K... keys);

    void pfmerge(K destination, K... sources);
}
