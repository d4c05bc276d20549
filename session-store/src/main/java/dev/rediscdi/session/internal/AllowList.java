package dev.rediscdi.session.internal;

import java.util.ArrayList;
import java.util.List;

/** The classes a codec may create: the JDK's value types plus the configured classes, packages and package trees. */
final class AllowList {
    /** Value types of the JDK without known deserialization gadgets; everything else must be listed. */
    static final List<String> JDK = List.of("java.lang.*", "java.util.*", "java.time.*", "java.math.*");

    private final List<String> patterns;

    AllowList(List<String> configured) {
        List<String> all = new ArrayList<>(JDK);
        all.addAll(configured);
        this.patterns = List.copyOf(all);
    }

    /** The patterns in {@link java.io.ObjectInputFilter.Config#createFilter} syntax. */
    List<String> patterns() {
        return patterns;
    }

    /** Same matching rules as the JDK's filter patterns: {@code a.B}, {@code a.*} (one package), {@code a.**} (a tree), {@code a.B*}. */
    boolean allows(String className) {
        for (String pattern : patterns) {
            if (pattern.endsWith(".**")) {
                if (className.startsWith(pattern.substring(0, pattern.length() - 2))) {
                    return true;
                }
            } else if (pattern.endsWith(".*")) {
                String pkg = pattern.substring(0, pattern.length() - 1);
                if (className.startsWith(pkg) && className.indexOf('.', pkg.length()) < 0) {
                    return true;
                }
            } else if (pattern.endsWith("*")) {
                if (className.startsWith(pattern.substring(0, pattern.length() - 1))) {
                    return true;
                }
            } else if (className.equals(pattern)) {
                return true;
            }
        }
        return false;
    }
}
