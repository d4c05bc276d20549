package dev.rediscdi;

/**
 * The command never ran: no connection to Redis could be made, or Redis refused it unrun because it cannot serve any
 * command now ({@code LOADING} its data set after a start, {@code BUSY} with a long script, {@code MASTERDOWN}).
 * Repeating it is safe.
 */
public class RedisConnectionException extends RedisException {
    private static final long serialVersionUID = 1L;

    public RedisConnectionException(String message, Throwable cause) {
        super(message, cause);
    }

    /** Always: the command never ran. */
    @Override
    public boolean isSafeToRetry() {
        return true;
    }
}
