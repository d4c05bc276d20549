package dev.rediscdi;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionStage;

/**
 * Commands on geo sets (sorted sets of positions). Get it with {@code redis.geo(String.class)}.
 *
 * @param <K> the key type
 * @param <V> the member type
 */
@SuppressWarnings("unchecked")
public interface GeoCommands<K, V> {

    /** {@code GEOADD} of one member: {@code true} if it is new. */
    CompletionStage<Boolean> geoadd(K key, double longitude, double latitude, V member);

    /** {@code GEOADD} of several members: how many are new. */
    CompletionStage<Long> geoadd(K key, Map<V, GeoPosition> positions);

    /** {@code GEOPOS}: the positions in the members' order, {@code null} for unknown members. */
    CompletionStage<List<GeoPosition>> geopos(K key, V... members);

    /** {@code GEODIST}: the distance, or {@code null} if a member is unknown. */
    CompletionStage<Double> geodist(K key, V from, V to, GeoUnit unit);

    /** {@code GEOSEARCH ... WITHCOORD WITHDIST}: the members found, with their distance and position. */
    CompletionStage<List<GeoResult<V>>> geosearch(K key, GeoSearchArgs<V> args);
}
