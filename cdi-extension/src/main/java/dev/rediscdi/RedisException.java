package dev.rediscdi;

/**
 * Base of every exception this library raises for a Redis call. Subtypes say what is known about the
 * command's fate, so that callers (and MicroProfile Fault Tolerance {@code retryOn}/{@code abortOn}) can
 * decide whether repeating it is safe.
 */
public class RedisException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public RedisException(String message) {
        super(message);
    }

    public RedisException(String message, Throwable cause) {
        super(message, cause);
    }

    /**
     * Whether sending the same command again cannot make it run twice: it never reached Redis, or it is
     * idempotent (the list is in the README, "Fault tolerance"). The client's own retries follow this rule unless
     * the application opted in for non-idempotent commands; an application's {@code @Retry} can follow it too.
     */
    public boolean isSafeToRetry() {
        return false;
    }
}
