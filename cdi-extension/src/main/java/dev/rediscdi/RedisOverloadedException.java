package dev.rediscdi;

/**
 * The client refused the command at once because its limits are reached: too many commands waiting for a
 * pipelining slot ({@code max-queued-commands}), or too many callers waiting for a pooled connection
 * ({@code max-pool-waiting}, for blocking commands and {@code withConnection}). These limits are the client's
 * bulkhead. The command was not sent; it is not retried by the client, so that an overload is not made worse.
 */
public class RedisOverloadedException extends RedisException {
    private static final long serialVersionUID = 1L;

    public RedisOverloadedException(String message) {
        super(message);
    }

    /** Always: the command was not sent. */
    @Override
    public boolean isSafeToRetry() {
        return true;
    }
}
