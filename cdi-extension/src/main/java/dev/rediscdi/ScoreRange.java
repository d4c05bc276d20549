package dev.rediscdi;

/**
 * A range of sorted-set scores, bounds inclusive or exclusive: {@code ScoreRange.closed(10, 20)},
 * {@code ScoreRange.atLeast(100)}, {@code ScoreRange.all()}.
 */
public final class ScoreRange {
    private final String min;
    private final String max;

    private ScoreRange(String min, String max) {
        this.min = min;
        this.max = max;
    }

    /** {@code min <= score <= max}. */
    public static ScoreRange closed(double min, double max) {
        return new ScoreRange(bound(min, false), bound(max, false));
    }

    /** {@code min < score < max}. */
    public static ScoreRange open(double min, double max) {
        return new ScoreRange(bound(min, true), bound(max, true));
    }

    /** {@code min <= score}. */
    public static ScoreRange atLeast(double min) {
        return new ScoreRange(bound(min, false), "+inf");
    }

    /** {@code score <= max}. */
    public static ScoreRange atMost(double max) {
        return new ScoreRange("-inf", bound(max, false));
    }

    /** Every score. */
    public static ScoreRange all() {
        return new ScoreRange("-inf", "+inf");
    }

    /** The lower bound as Redis writes it, such as {@code (1.5} or {@code -inf}. */
    public String min() {
        return min;
    }

    /** The upper bound as Redis writes it. */
    public String max() {
        return max;
    }

    private static String bound(double value, boolean exclusive) {
        if (Double.isNaN(value)) {
            throw new IllegalArgumentException("a score bound is NaN: give a number or an infinity");
        }
        String text = value == Double.POSITIVE_INFINITY ? "+inf" : value == Double.NEGATIVE_INFINITY ? "-inf"
                : value == Math.rint(value) && Math.abs(value) < 1e15 ? Long.toString((long) value) : Double.toString(value);
        return exclusive ? "(" + text : text;
    }

    @Override
    public String toString() {
        return "[" + min + ", " + max + "]";
    }
}
