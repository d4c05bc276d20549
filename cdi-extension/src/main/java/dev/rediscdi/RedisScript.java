package dev.rediscdi;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * A Lua script, run with {@link RedisClient#eval}: sent by its SHA-1 digest ({@code EVALSHA}), and in full only
 * when Redis does not know it yet ({@code NOSCRIPT}, after a restart, a failover or {@code SCRIPT FLUSH}).
 * Keep one instance per script, for example in a {@code static final} field.
 *
 * <pre>{@code
 * static final RedisScript RELEASE_LOCK = RedisScript.of(
 *         "if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) else return 0 end");
 * }</pre>
 */
public final class RedisScript {
    private final String source;
    private final String sha1;

    private RedisScript(String source) {
        this.source = source;
        try {
            this.sha1 = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1").digest(source.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("this JVM has no SHA-1, which every Java platform must have", e);
        }
    }

    /** A script from its Lua source. */
    public static RedisScript of(String source) {
        if (source == null || source.isBlank()) {
            throw new IllegalArgumentException("script source is " + (source == null ? "null" : "blank") + ": give the Lua code");
        }
        return new RedisScript(source);
    }

    /** The Lua source. */
    public String source() {
        return source;
    }

    /** The SHA-1 digest Redis knows the script by, in lower-case hex. */
    public String sha1() {
        return sha1;
    }

    @Override
    public String toString() {
        return "RedisScript[" + sha1 + "]";
    }
}
