package dev.rediscdi;

import java.util.ArrayList;
import java.util.List;

/**
 * Options of {@code ZADD}: {@code new ZAddArgs().gt().ch()}. Each call returns this object. Options that cannot go
 * together ({@code nx()} with {@code xx()}, {@code gt()} with {@code lt()}, {@code nx()} with {@code gt()} or
 * {@code lt()}) are refused with an {@link IllegalArgumentException} naming both.
 */
public final class ZAddArgs {
    private final List<Object> arguments = new ArrayList<>(3);
    private String condition;
    private String comparison;

    private void condition(String option) {
        if (condition != null) {
            throw new IllegalArgumentException("ZAddArgs: " + option + " cannot go with " + condition + "; give one of NX and XX");
        }
        condition = option;
        refuseNxWithComparison();
    }

    private void comparison(String option) {
        if (comparison != null) {
            throw new IllegalArgumentException("ZAddArgs: " + option + " cannot go with " + comparison + "; give one of GT and LT");
        }
        comparison = option;
        refuseNxWithComparison();
    }

    private void refuseNxWithComparison() {
        if ("NX".equals(condition) && comparison != null) {
            throw new IllegalArgumentException("ZAddArgs: " + comparison + " cannot go with NX (NX never updates a member); drop one of them");
        }
    }

    /** Only add new members, never update existing ones. */
    public ZAddArgs nx() {
        condition("NX");
        arguments.add("NX");
        return this;
    }

    /** Only update existing members, never add. */
    public ZAddArgs xx() {
        condition("XX");
        arguments.add("XX");
        return this;
    }

    /** Only update a member if the new score is greater (a high-score table). */
    public ZAddArgs gt() {
        comparison("GT");
        arguments.add("GT");
        return this;
    }

    /** Only update a member if the new score is lower. */
    public ZAddArgs lt() {
        comparison("LT");
        arguments.add("LT");
        return this;
    }

    /** Count changed members, not only added ones, in the reply. */
    public ZAddArgs ch() {
        arguments.add("CH");
        return this;
    }

    /** The Redis arguments these options stand for, in order. */
    public List<Object> arguments() {
        return List.copyOf(arguments);
    }

    @Override
    public String toString() {
        return "ZAddArgs" + arguments;
    }
}
