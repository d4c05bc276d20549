package dev.rediscdi;

import java.util.List;

/**
 * A value read from Redis could not be decoded into the requested type (for example JSON written by another
 * version of a class). The message names the client, the key and the type; it never contains the value. Nor do
 * its causes: they keep the codec's exception type and stack trace, but not its message, which may quote the value.
 *
 * <p>A command that removes what it answers (a pop, {@code GETDEL}, {@code SET .. GET}) has already removed it when
 * its reply is decoded: the exception then hands back the bytes of every value the command removed, as Redis sent
 * them, in {@link #removedValues()}, so that the application can keep them (push them back, or to a dead-letter
 * key) rather than lose them.
 */
public class RedisDecodeException extends RedisException {
    private static final long serialVersionUID = 1L;
    private final List<byte[]> removedValues;

    public RedisDecodeException(String message, Throwable cause) {
        this(message, cause, List.of());
    }

    /** @param removedValues the bytes of the values the command removed from Redis */
    public RedisDecodeException(String message, Throwable cause, List<byte[]> removedValues) {
        super(message, cause);
        this.removedValues = List.copyOf(removedValues);
    }

    /**
     * The bytes of every value the command removed from Redis, in the order of its reply, the ones that could be
     * decoded too; empty for a command that removes nothing (a plain read leaves the value where it is).
     */
    public List<byte[]> removedValues() {
        return removedValues;
    }
}
