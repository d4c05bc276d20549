package dev.rediscdi.session.internal;

import java.util.Arrays;
import java.util.List;

/** Every {@code redis-session.*} property, with its default as the README states it. */
enum SettingKey {
    CLIENT("client", ""),
    KEY_PREFIX("key-prefix", "session:"),
    IDLE_TIMEOUT("idle-timeout", "30m"),
    ABSOLUTE_TIMEOUT("absolute-timeout", "0s"),
    TOUCH_INTERVAL("touch-interval", "60s"),
    SWEEP_INTERVAL("sweep-interval", "10s"),
    COOKIE_NAME("cookie.name", "SESSION"),
    COOKIE_HTTP_ONLY("cookie.http-only", "true"),
    COOKIE_SECURE("cookie.secure", "true"),
    COOKIE_SAME_SITE("cookie.same-site", "Lax"),
    COOKIE_PATH("cookie.path", ""),
    COOKIE_DOMAIN("cookie.domain", ""),
    COOKIE_MAX_AGE("cookie.max-age", "-1"),
    CODEC("codec", "java"),
    ALLOW("serialization.allow", ""),
    MAX_DEPTH("serialization.max-depth", "20"),
    MAX_REFERENCES("serialization.max-references", "10000"),
    MAX_ARRAY_LENGTH("serialization.max-array-length", "100000"),
    MAX_BYTES("serialization.max-bytes", "1048576"),
    ON_UNREADABLE_ATTRIBUTE("on-unreadable-attribute", "drop"),
    UNAVAILABLE_STATUS("unavailable-status", "503"),
    WRITE_POLICY("write-policy", "changed"),
    LOCAL_CACHE("local-cache", "tracking");

    static final String PREFIX = "redis-session.";

    private final String suffix;
    private final String defaultValue;

    SettingKey(String suffix, String defaultValue) {
        this.suffix = suffix;
        this.defaultValue = defaultValue;
    }

    String key() {
        return PREFIX + suffix;
    }

    String suffix() {
        return suffix;
    }

    String defaultValue() {
        return defaultValue;
    }

    static List<String> suffixes() {
        return Arrays.stream(values()).map(SettingKey::suffix).toList();
    }

    static boolean isKnown(String suffix) {
        return Arrays.stream(values()).anyMatch(key -> key.suffix.equals(suffix));
    }
}
