package dev.rediscdi;

/**
 * A range of sorted-set members by their bytes, for sets whose members all have the same score:
 * {@code LexRange.closed("a", "c")}, {@code LexRange.startingWith("user:")}.
 */
public final class LexRange {
    private final String min;
    private final String max;

    private LexRange(String min, String max) {
        this.min = min;
        this.max = max;
    }

    /** {@code min <= member <= max}. */
    public static LexRange closed(String min, String max) {
        return new LexRange("[" + Arguments.required("min", min), "[" + Arguments.required("max", max));
    }

    /** {@code min < member < max}. */
    public static LexRange open(String min, String max) {
        return new LexRange("(" + Arguments.required("min", min), "(" + Arguments.required("max", max));
    }

    /** Members that start with {@code prefix}. */
    public static LexRange startingWith(String prefix) {
        return new LexRange("[" + Arguments.required("prefix", prefix), "(" + prefix + Character.MAX_VALUE);
    }

    /** Every member. */
    public static LexRange all() {
        return new LexRange("-", "+");
    }

    /** The lower bound as Redis writes it, such as {@code [a} or {@code -}. */
    public String min() {
        return min;
    }

    /** The upper bound as Redis writes it. */
    public String max() {
        return max;
    }

    @Override
    public String toString() {
        return "[" + min + ", " + max + "]";
    }
}
