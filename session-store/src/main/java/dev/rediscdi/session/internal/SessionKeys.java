package dev.rediscdi.session.internal;

import java.util.ArrayList;
import java.util.List;

/**
 * Key layout. A session is one hash, {@code <prefix>s:{<shard>}<id>}; the expiry index of its shard is a sorted
 * set, {@code <prefix>x:{<shard>}}. The hash tag is the shard (the id's first character, 64 of them), so a
 * session, its rotated successor and its index entry share one cluster slot: every write is one script, and
 * {@code changeSessionId} never meets CROSSSLOT.
 */
final class SessionKeys {
    static final String SHARDS = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
    private final String prefix;

    SessionKeys(String prefix) {
        this.prefix = prefix;
    }

    String session(String id) {
        return sessionPrefix(id.charAt(0)) + id;
    }

    String index(String id) {
        return index(id.charAt(0));
    }

    String sessionPrefix(char shard) {
        return prefix + "s:{" + shard + "}";
    }

    /** What every session key starts with. */
    String sessionPrefix() {
        return prefix + "s:";
    }

    String index(char shard) {
        return prefix + "x:{" + shard + "}";
    }

    static List<Character> shards() {
        List<Character> shards = new ArrayList<>(SHARDS.length());
        for (char shard : SHARDS.toCharArray()) {
            shards.add(shard);
        }
        return shards;
    }
}
