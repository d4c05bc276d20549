package dev.rediscdi;

import java.util.ArrayList;
import java.util.List;

/**
 * A {@code GEOSEARCH}: a center ({@link #fromMember} or {@link #fromPosition}), a shape ({@link #byRadius} or
 * {@link #byBox}), and optionally an order and a count.
 *
 * <pre>{@code
 * GeoSearchArgs.fromPosition(2.35, 48.85).byRadius(5, GeoUnit.KM).ascending().count(10)
 * }</pre>
 *
 * @param <V> the member type
 */
public final class GeoSearchArgs<V> {
    private final V member;
    private final GeoPosition position;
    private final List<Object> shape = new ArrayList<>(5);
    private final List<Object> options = new ArrayList<>(3);

    private GeoSearchArgs(V member, GeoPosition position) {
        this.member = member;
        this.position = position;
    }

    /** Centered on an existing member. */
    public static <V> GeoSearchArgs<V> fromMember(V member) {
        return new GeoSearchArgs<>(Arguments.required("member", member), null);
    }

    /** Centered on a position. */
    public static <V> GeoSearchArgs<V> fromPosition(double longitude, double latitude) {
        return new GeoSearchArgs<>(null, new GeoPosition(longitude, latitude));
    }

    /** Within a circle. */
    public GeoSearchArgs<V> byRadius(double radius, GeoUnit unit) {
        shape.clear();
        shape.addAll(List.of("BYRADIUS", Arguments.positiveFinite("radius", radius), Arguments.required("unit", unit).name()));
        return this;
    }

    /** Within a box centered on the center. */
    public GeoSearchArgs<V> byBox(double width, double height, GeoUnit unit) {
        shape.clear();
        shape.addAll(List.of("BYBOX", Arguments.positiveFinite("width", width), Arguments.positiveFinite("height", height), Arguments.required("unit", unit).name()));
        return this;
    }

    /** Nearest first. */
    public GeoSearchArgs<V> ascending() {
        options.add("ASC");
        return this;
    }

    /** Farthest first. */
    public GeoSearchArgs<V> descending() {
        options.add("DESC");
        return this;
    }

    /** At most {@code count} members (with an order: the nearest or farthest ones). */
    public GeoSearchArgs<V> count(long count) {
        options.add("COUNT");
        options.add(Arguments.atLeastOne("count", count));
        return this;
    }

    /** The member the search is centered on, or {@code null}. */
    public V centerMember() {
        return member;
    }

    /** The position the search is centered on, or {@code null}. */
    public GeoPosition centerPosition() {
        return position;
    }

    /** The Redis arguments after the center: the shape and the options. */
    public List<Object> shapeAndOptions() {
        if (shape.isEmpty()) {
            throw new IllegalArgumentException("GeoSearchArgs has no shape: call byRadius(..) or byBox(..)");
        }
        List<Object> all = new ArrayList<>(shape);
        all.addAll(options);
        return all;
    }

    @Override
    public String toString() {
        return "GeoSearchArgs[" + (member != null ? "member" : position) + ", " + shape + options + "]";
    }
}
