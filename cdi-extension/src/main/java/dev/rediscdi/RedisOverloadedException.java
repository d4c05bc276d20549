package dev.rediscdi;

/**
 * The client refused the command at once because its limits are reached: too many commands waiting for a
 * pipelining slot ({@code max-queued-commands}), or too many callers waiting for a pooled connection
 * ({@code max-pool-waiting}, for blocking commands and {@code withConnection}), or more commands in flight on one
 * connection than {@code max-waiting-handlers} (a batch deeper than that, or a {@code withConnection} that sends more
 * at once). These limits are the client's
 * bulkhead. The command was not sent; it is not retried by the client, so that an overload is not made worse.
 *
 * <p>Also the cause given to {@link SubscriptionListener#onConnectionLost} when the listener fell so far behind that the
 * client dropped messages for it (more than 10,000 messages or 32 MB of payload waiting): its message says how many.
 */
public class RedisOverloadedException extends RedisException {
    private static final long serialVersionUID = 1L;

    public RedisOverloadedException(String message) {
        super(message);
    }

    /** Always: the command was not sent (for a listener that fell behind: meaningless, no command is involved). */
    @Override
    public boolean isSafeToRetry() {
        return true;
    }
}
