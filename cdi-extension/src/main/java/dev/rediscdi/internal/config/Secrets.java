package dev.rediscdi.internal.config;

import java.util.regex.Pattern;

/** Hides passwords in text that may reach a log or an exception. */
public final class Secrets {
    private static final Pattern USER_INFO_PASSWORD = Pattern.compile("(?<=://)([^:/@\\s]*):([^@\\s]*)@");
    private static final Pattern QUERY_PASSWORD = Pattern.compile("(?i)([?&]password=)[^&\\s]*");

    private Secrets() {
    }

    /** {@code redis://app:s3cret@host:6379?password=x} becomes {@code redis://app:***@host:6379?password=***}. */
    public static String maskUris(String text) {
        if (text == null) {
            return null;
        }
        String masked = USER_INFO_PASSWORD.matcher(text).replaceAll("$1:***@");
        return QUERY_PASSWORD.matcher(masked).replaceAll("$1***");
    }
}
