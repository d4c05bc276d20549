package dev.rediscdi.internal.config;

import java.util.ArrayList;
import java.util.List;

import dev.rediscdi.RedisConfigurationException;

/** Collects every configuration problem so that start-up fails once, listing all of them. */
public final class ConfigProblems {
    private final List<String> problems = new ArrayList<>();

    /** A problem with a value the user gave: {@code key = "value": what. Fix: how.} */
    public void invalid(String key, String shownValue, String what, String fix) {
        problems.add(key + " = \"" + shownValue + "\": " + what + ". Fix: " + fix);
    }

    /** A problem that is not about one value. */
    public void add(String key, String what, String fix) {
        problems.add(key + ": " + what + ". Fix: " + fix);
    }

    public boolean isEmpty() {
        return problems.isEmpty();
    }

    public List<String> list() {
        return List.copyOf(problems);
    }

    public String message() {
        return message(problems);
    }

    /** The deployment error for a list of problems, numbered. */
    public static String message(List<String> problems) {
        StringBuilder message = new StringBuilder("Invalid Redis configuration (")
                .append(problems.size()).append(problems.size() == 1 ? " problem" : " problems").append("):");
        for (int i = 0; i < problems.size(); i++) {
            message.append(System.lineSeparator()).append("  ").append(i + 1).append(". ").append(problems.get(i));
        }
        return message.toString();
    }

    public void throwIfAny() {
        if (!problems.isEmpty()) {
            RedisConfigurationException exception = new RedisConfigurationException(message(), problems);
            ConfigValidationCause.attach(exception, problems);
            throw exception;
        }
    }
}
