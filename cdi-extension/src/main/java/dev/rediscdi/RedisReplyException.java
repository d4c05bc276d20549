package dev.rediscdi;

/**
 * Redis answered with an error reply ({@code WRONGTYPE}, {@code NOPERM}, {@code OOM}, {@code ERR}...). The
 * command reached Redis and was refused; repeating it gives the same answer. The refusals of a Redis that cannot serve
 * any command now ({@code LOADING}, {@code BUSY}, {@code MASTERDOWN}) are {@link RedisConnectionException}s instead.
 */
public class RedisReplyException extends RedisException {
    private static final long serialVersionUID = 1L;
    private final String code;

    public RedisReplyException(String code, String message, Throwable cause) {
        super(message, cause);
        this.code = code;
    }

    /** The first word of the error reply, such as {@code WRONGTYPE} or {@code NOPERM}. */
    public String code() {
        return code;
    }
}
