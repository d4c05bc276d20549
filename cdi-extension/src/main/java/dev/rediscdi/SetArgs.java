package dev.rediscdi;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Options of {@code SET}: {@code new SetArgs().nx().ex(Duration.ofMinutes(5))}. Each call returns this object.
 * Redis refuses contradicting options (such as {@code nx()} with {@code xx()}) with an error reply.
 */
public final class SetArgs {
    private final List<Object> arguments = new ArrayList<>(3);

    /** Only set the key if it does not exist ({@code NX}). */
    public SetArgs nx() {
        arguments.add("NX");
        return this;
    }

    /** Only set the key if it already exists ({@code XX}). */
    public SetArgs xx() {
        arguments.add("XX");
        return this;
    }

    /** Expire after {@code ttl}, in whole seconds ({@code EX}). */
    public SetArgs ex(Duration ttl) {
        arguments.add("EX");
        arguments.add(Arguments.positiveSeconds("ex", ttl));
        return this;
    }

    /** Expire after {@code ttl}, in milliseconds ({@code PX}). */
    public SetArgs px(Duration ttl) {
        arguments.add("PX");
        arguments.add(Arguments.positiveMillis("px", ttl));
        return this;
    }

    /** Expire at an instant, to the millisecond ({@code PXAT}). */
    public SetArgs pxAt(Instant at) {
        arguments.add("PXAT");
        arguments.add(Arguments.required("pxAt", at).toEpochMilli());
        return this;
    }

    /** Keep the key's current time to live ({@code KEEPTTL}). */
    public SetArgs keepTtl() {
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
