package dev.rediscdi;

/** The command was never sent: no connection to Redis could be made. Repeating it is safe. */
public class RedisConnectionException extends RedisException {
    private static final long serialVersionUID = 1L;

    public RedisConnectionException(String message, Throwable cause) {
        super(message, cause);
    }

    /** Always: the command never reached Redis. */
    @Override
    public boolean isSafeToRetry() {
        return true;
    }
}
