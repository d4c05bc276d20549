package dev.rediscdi.testing;

/** An error reply of redis-server (e.g. {@code NOAUTH Authentication required.}) to a harness command. */
public final class RedisCommandException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String error;

    public RedisCommandException(String error) {
        super(error);
        this.error = error;
    }

    /** The error text as the server sent it, e.g. {@code WRONGPASS invalid username-password pair ...}. */
    public String error() {
        return error;
    }
}
