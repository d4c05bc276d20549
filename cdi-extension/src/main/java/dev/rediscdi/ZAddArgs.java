package dev.rediscdi;

import java.util.ArrayList;
import java.util.List;

/** Options of {@code ZADD}: {@code new ZAddArgs().gt().ch()}. */
public final class ZAddArgs {
    private final List<Object> arguments = new ArrayList<>(3);

    /** Only add new members, never update existing ones. */
    public ZAddArgs nx() {
        arguments.add("NX");
        return this;
    }

    /** Only update existing members, never add. */
    public ZAddArgs xx() {
        arguments.add("XX");
        return this;
    }

    /** Only update a member if the new score is greater (a high-score table). */
    public ZAddArgs gt() {
        arguments.add("GT");
        return this;
    }

    /** Only update a member if the new score is lower. */
    public ZAddArgs lt() {
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
