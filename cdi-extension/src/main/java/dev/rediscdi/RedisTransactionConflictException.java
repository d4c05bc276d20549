package dev.rediscdi;

/**
 * A watched transaction gave up: a watched key changed before {@code EXEC} on every attempt. Nothing of the
 * transaction ran. Retrying later, or with more attempts, may succeed.
 */
public class RedisTransactionConflictException extends RedisException {
    private static final long serialVersionUID = 1L;
    private final int attempts;

    public RedisTransactionConflictException(String message, int attempts) {
        super(message);
        this.attempts = attempts;
    }

    /** How many times the transaction was tried. */
    public int attempts() {
        return attempts;
    }
}
