package dev.rediscdi;

import java.util.List;
import java.util.Map;

/**
 * The blocking counterpart of {@link GeoCommands}: the same methods, each waiting for the reply and answering the
 * plain value. Obtained from {@link BlockingRedisClient}.
 *
 * @param <K> the key type
 * @param <V> the member type
 */
@SuppressWarnings("unchecked")
public interface BlockingGeoCommands<K, V> {

    Boolean geoadd(K key, double longitude, double latitude, V member);

    Long geoadd(K key, Map<V, GeoPosition> positions);

    List<GeoPosition> geopos(K key, V... members);

    Double geodist(K key, V from, V to, GeoUnit unit);

    List<GeoResult<V>> geosearch(K key, GeoSearchArgs<V> args);
}
