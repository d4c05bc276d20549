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
        String following = following(Arguments.required("prefix", prefix));
        return new LexRange("[" + prefix, following == null ? "+" : "(" + following);
    }

    /**
     * The smallest text above every text that starts with {@code prefix}: its last code point raised by one (UTF-8
     * orders bytes as it orders code points). {@code prefix + Character.MAX_VALUE} would not do: U+FFFF is EF BF BF
     * in UTF-8, below the F0..F4 that begin characters such as emoji. {@code null} when there is none.
     */
    private static String following(String prefix) {
        int end = prefix.length();
        while (end > 0) {
            int last = prefix.codePointBefore(end);
            int start = end - Character.charCount(last);
            if (last < Character.MAX_CODE_POINT) {
                int next = last + 1 == Character.MIN_SURROGATE ? Character.MAX_SURROGATE + 1 : last + 1;
                return prefix.substring(0, start) + new String(Character.toChars(next));
            }
            end = start;
        }
        return null;
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
