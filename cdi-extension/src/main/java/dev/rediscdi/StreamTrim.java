package dev.rediscdi;

import java.util.ArrayList;
import java.util.List;

/**
 * How to trim a stream, for {@code XTRIM} and {@code XADD}: {@code StreamTrim.maxLen(10_000).approximate()}.
 * Approximate trimming ({@code ~}) is much cheaper: Redis removes whole nodes only.
 */
public final class StreamTrim {
    private final String strategy;
    private final Object threshold;
    private boolean approximate;
    private long limit = -1;

    private StreamTrim(String strategy, Object threshold) {
        this.strategy = strategy;
        this.threshold = threshold;
    }

    /** Keep at most {@code maxLen} entries ({@code MAXLEN}). */
    public static StreamTrim maxLen(long maxLen) {
        if (maxLen < 0) {
            throw new IllegalArgumentException("maxLen is " + maxLen + ": give 0 or more");
        }
        return new StreamTrim("MAXLEN", maxLen);
    }

    /** Remove entries with an id below {@code minId} ({@code MINID}). */
    public static StreamTrim minId(String minId) {
        return new StreamTrim("MINID", Arguments.required("minId", minId));
    }

    /** Trim approximately ({@code ~}). */
    public StreamTrim approximate() {
        this.approximate = true;
        return this;
    }

    /** At most {@code limit} entries removed at once ({@code LIMIT}, approximate trimming only). */
    public StreamTrim limit(long limit) {
        this.limit = Arguments.atLeastOne("limit", limit);
        this.approximate = true;
        return this;
    }

    /** The Redis arguments this trimming stands for, in order. */
    public List<Object> arguments() {
        List<Object> all = new ArrayList<>(5);
        all.add(strategy);
        all.add(approximate ? "~" : "=");
        all.add(threshold);
        if (limit > 0) {
            all.add("LIMIT");
            all.add(limit);
        }
        return all;
    }

    @Override
    public String toString() {
        return "StreamTrim" + arguments();
    }
}
