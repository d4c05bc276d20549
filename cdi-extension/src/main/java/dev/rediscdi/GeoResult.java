package dev.rediscdi;

/**
 * A member found by {@code GEOSEARCH}.
 *
 * @param member the member
 * @param distance its distance from the search's center, in the search's unit
 * @param position where it is
 */
public record GeoResult<V>(V member, double distance, GeoPosition position) {
}
