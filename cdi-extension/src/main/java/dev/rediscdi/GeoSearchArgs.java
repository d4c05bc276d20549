package dev.rediscdi;

import java.util.ArrayList;
import java.util.List;

/**
 * A {@code GEOSEARCH}: a center ({@link #fromMember} or {@link #fromPosition}), a shape ({@link #byRadius} or
 * {@link #byBox}), and optionally an order and a count. Each is given once: a second shape, order or count is refused
 * with an {@link IllegalArgumentException} naming both.
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
    private final List<Object> order = new ArrayList<>(1);
    private final List<Object> limit = new ArrayList<>(2);

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
        List<Object> circle = List.of("BYRADIUS", Arguments.nonNegativeFinite("radius", radius), Arguments.required("unit", unit).name());
        once(shape, "BYRADIUS", "give one of byRadius(..) and byBox(..)");
        shape.addAll(circle);
        return this;
    }

    /** Within a box centered on the center. */
    public GeoSearchArgs<V> byBox(double width, double height, GeoUnit unit) {
        List<Object> box = List.of("BYBOX", Arguments.nonNegativeFinite("width", width), Arguments.nonNegativeFinite("height", height),
                Arguments.required("unit", unit).name());
        once(shape, "BYBOX", "give one of byRadius(..) and byBox(..)");
        shape.addAll(box);
        return this;
    }

    /** Nearest first. */
    public GeoSearchArgs<V> ascending() {
        once(order, "ASC", "give one of ascending() and descending()");
        order.add("ASC");
        return this;
    }

    /** Farthest first. */
    public GeoSearchArgs<V> descending() {
        once(order, "DESC", "give one of ascending() and descending()");
        order.add("DESC");
        return this;
    }

    /** At most {@code count} members (with an order: the nearest or farthest ones). */
    public GeoSearchArgs<V> count(long count) {
        long atLeastOne = Arguments.atLeastOne("count", count);
        once(limit, "COUNT " + count, "give count(..) once");
        limit.addAll(List.of("COUNT", atLeastOne));
        return this;
    }

    /** Each option is given once: a second one would silently replace or contradict the first. */
    private static void once(List<Object> given, String option, String fix) {
        if (!given.isEmpty()) {
            StringBuilder first = new StringBuilder();
            given.forEach(word -> first.append(first.length() == 0 ? "" : " ").append(word));
            throw new IllegalArgumentException("GeoSearchArgs: " + option + " cannot go with " + first + "; " + fix);
        }
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
        all.addAll(order);
        all.addAll(limit);
        return all;
    }

    @Override
    public String toString() {
        return "GeoSearchArgs[" + (member != null ? "member" : position) + ", " + shape + order + limit + "]";
    }
}
