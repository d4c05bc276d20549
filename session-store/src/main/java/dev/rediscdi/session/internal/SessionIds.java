package dev.rediscdi.session.internal;

import java.security.SecureRandom;
import java.util.Base64;

/**
 * Session ids: 32 base64url characters from {@link SecureRandom} (192 bits). The first character picks the
 * shard: a rotated id keeps it, so the renamed key stays in the same cluster hash slot; the other 31 characters
 * (186 bits) are new.
 */
final class SessionIds {
    static final int LENGTH = 32;
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private final SecureRandom random = new SecureRandom();

    String next() {
        byte[] bytes = new byte[LENGTH * 3 / 4];
        random.nextBytes(bytes);
        return ENCODER.encodeToString(bytes);
    }

    /** A new id in the same shard as {@code id}. */
    String rotate(String id) {
        return id.charAt(0) + next().substring(1);
    }

    /** Whether a cookie value can be a session id at all; anything else never reaches Redis. */
    static boolean isWellFormed(String candidate) {
        if (candidate == null || candidate.length() != LENGTH) {
            return false;
        }
        // the character class [A-Za-z0-9_-], checked by hand: this runs on every request
        for (int i = 0; i < LENGTH; i++) {
            char c = candidate.charAt(i);
            if (!((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || c == '-')) {
                return false;
            }
        }
        return true;
    }

    /** What logs may show of an id: a short one-way digest, enough to follow one session through the logs. */
    static String forLog(String id) {
        return "#" + Integer.toHexString(id.hashCode() * 0x9E3779B9);
    }
}
