package dev.rediscdi;

import java.util.ArrayList;
import java.util.List;

/**
 * Options of {@code SCAN}, {@code HSCAN}, {@code SSCAN} and {@code ZSCAN}: {@code new ScanArgs().match("user:*").count(500)}.
 */
public final class ScanArgs {
    private String pattern;
    private Long count;
    private String type;

    /** Only elements matching a glob pattern ({@code MATCH}); filtered by Redis after it read a page. A second call replaces the first. */
    public ScanArgs match(String pattern) {
        this.pattern = Arguments.required("match", pattern);
        return this;
    }

    /** How many elements Redis looks at per page ({@code COUNT}, a hint; Redis' default is 10). A second call replaces the first. */
    public ScanArgs count(long count) {
        this.count = Arguments.atLeastOne("count", count);
        return this;
    }

    /** Only keys of this type ({@code TYPE}; {@code SCAN} only: the scans of one key's elements refuse it). */
    public ScanArgs type(KeyType type) {
        if (Arguments.required("type", type) == KeyType.NONE || type == KeyType.OTHER) {
            throw new IllegalArgumentException("type is " + type + ": give the type of existing keys, such as KeyType.HASH");
        }
        this.type = type.name().toLowerCase(java.util.Locale.ROOT);
        return this;
    }

    /** Whether {@link #type} was given: {@code HSCAN}, {@code SSCAN} and {@code ZSCAN} refuse it. */
    public boolean filtersByType() {
        return type != null;
    }

    /** The Redis arguments these options stand for, in order. */
    public List<Object> arguments() {
        List<Object> all = new ArrayList<>(6);
        if (pattern != null) {
            all.add("MATCH");
            all.add(pattern);
        }
        if (count != null) {
            all.add("COUNT");
            all.add(count);
        }
        if (type != null) {
            all.add("TYPE");
            all.add(type);
        }
        return all;
    }

    @Override
    public String toString() {
        return "ScanArgs" + arguments();
    }
}
