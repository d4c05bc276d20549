package dev.rediscdi;

import java.util.Locale;

/** What {@code TYPE} says a key holds. */
public enum KeyType {
    NONE, STRING, LIST, SET, ZSET, HASH, STREAM,
    /** A type of a module, or one this library does not know yet. */
    OTHER;

    /** The constant for a {@code TYPE} reply. */
    public static KeyType of(String reply) {
        try {
            return valueOf(reply.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException unknown) {
            return OTHER;
        }
    }
}
