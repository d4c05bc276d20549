package dev.rediscdi;

/**
 * A value read from Redis could not be decoded into the requested type (for example JSON written by another
 * version of a class). The message names the client, the key and the type; it never contains the value. Nor do
 * its causes: they keep the codec's exception type and stack trace, but not its message, which may quote the value.
 */
public class RedisDecodeException extends RedisException {
    private static final long serialVersionUID = 1L;

    public RedisDecodeException(String message, Throwable cause) {
        super(message, cause);
    }
}
