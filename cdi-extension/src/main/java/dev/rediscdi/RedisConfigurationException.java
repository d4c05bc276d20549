package dev.rediscdi;

import java.util.List;

/**
 * The {@code redis.*} configuration is invalid. The message lists every problem with the exact key, the
 * value given (never for secrets), what is wrong and how to fix it.
 */
public class RedisConfigurationException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final List<String> problems;

    public RedisConfigurationException(String message, List<String> problems) {
        super(message);
        this.problems = List.copyOf(problems);
    }

    /** Each problem, one sentence each, in the order they were found. */
    public List<String> problems() {
        return problems;
    }
}
