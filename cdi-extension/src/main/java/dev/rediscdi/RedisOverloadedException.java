package dev.rediscdi;

/**
 * The client refused the command because too many are already waiting ({@code max-queued-commands}).
 * The command was not sent.
 */
public class RedisOverloadedException extends RedisException {
    private static final long serialVersionUID = 1L;

    public RedisOverloadedException(String message) {
        super(message);
    }
}
