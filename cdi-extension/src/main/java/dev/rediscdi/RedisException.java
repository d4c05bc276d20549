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
}
