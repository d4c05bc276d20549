package dev.rediscdi;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Options of {@code SET}: {@code new SetArgs().nx().ex(Duration.ofMinutes(5))}. Each call returns this object.
 * Contradicting options (such as {@code nx()} with {@code xx()}, or {@code ex(..)} with {@code keepTtl()}) are refused
 * with an {@link IllegalArgumentException} naming both, as Redis would refuse them with a bare syntax error.
 */
public final class SetArgs {
    private final List<Object> arguments = new ArrayList<>(3);
    private String condition;
    private String expiry;

    private void condition(String option) {
        if (condition != null) {
            throw new IllegalArgumentException("SetArgs: " + option + " cannot go with " + condition + "; give one of NX and XX");
        }
        condition = option;
    }

    private void expiry(String option) {
        if (expiry != null) {
            throw new IllegalArgumentException("SetArgs: " + option + " cannot go with " + expiry + "; give one of EX, PX, PXAT and KEEPTTL");
        }
        expiry = option;
    }

    /** Only set the key if it does not exist ({@code NX}). */
    public SetArgs nx() {
        condition("NX");
        arguments.add("NX");
        return this;
    }

    /** Only set the key if it already exists ({@code XX}). */
    public SetArgs xx() {
        condition("XX");
        arguments.add("XX");
        return this;
    }

    /** Expire after {@code ttl}, in whole seconds ({@code EX}). */
    public SetArgs ex(Duration ttl) {
        long seconds = Arguments.positiveSeconds("ex", ttl);
        expiry("EX");
        arguments.add("EX");
        arguments.add(seconds);
        return this;
    }

    /** Expire after {@code ttl}, in milliseconds ({@code PX}). */
    public SetArgs px(Duration ttl) {
        long millis = Arguments.positiveMillis("px", ttl);
        expiry("PX");
        arguments.add("PX");
        arguments.add(millis);
        return this;
    }

    /** Expire at an instant, to the millisecond ({@code PXAT}). */
    public SetArgs pxAt(Instant at) {
        long epochMillis = Arguments.required("pxAt", at).toEpochMilli();
        expiry("PXAT");
        arguments.add("PXAT");
        arguments.add(epochMillis);
        return this;
    }

    /** Keep the key's current time to live ({@code KEEPTTL}). */
    public SetArgs keepTtl() {
        expiry("KEEPTTL");
        arguments.add("KEEPTTL");
        return this;
    }

    /** The Redis arguments these options stand for, in order. */
    public List<Object> arguments() {
        return List.copyOf(arguments);
    }

    @Override
    public String toString() {
        return "SetArgs" + arguments;
    }
}
