package dev.rediscdi;

import java.util.ArrayList;
import java.util.List;

/** Options of {@code ZRANGE}: {@code new ZRangeArgs().rev().limit(0, 10)}. */
public final class ZRangeArgs {
    private boolean rev;
    private long offset = -1;
    private long count;

    /**
     * Highest scores first. Give score and lex ranges low to high all the same, as without {@code rev()}: the client
     * swaps their bounds for Redis, which wants them high to low with {@code REV}.
     */
    public ZRangeArgs rev() {
        this.rev = true;
        return this;
    }

    /** Skip {@code offset} members and return at most {@code count} (score and lex ranges only). */
    public ZRangeArgs limit(long offset, long count) {
        if (offset < 0) {
            throw new IllegalArgumentException("offset is " + offset + ": give 0 or more");
        }
        this.offset = offset;
        this.count = count;
        return this;
    }

    /** Whether {@link #rev()} was asked for. */
    public boolean reversed() {
        return rev;
    }

    /** The Redis arguments these options stand for, in order, after the range. */
    public List<Object> arguments() {
        List<Object> all = new ArrayList<>(4);
        if (rev) {
            all.add("REV");
        }
        if (offset >= 0) {
            all.add("LIMIT");
            all.add(offset);
            all.add(count);
        }
        return all;
    }

    @Override
    public String toString() {
        return "ZRangeArgs" + arguments();
    }
}
