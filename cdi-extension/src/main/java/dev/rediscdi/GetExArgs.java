package dev.rediscdi;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** The expiry {@code GETEX} sets: one of {@link #ex}, {@link #px}, {@link #pxAt} or {@link #persist}. */
public final class GetExArgs {
    private final List<Object> arguments;

    private GetExArgs(List<Object> arguments) {
        this.arguments = arguments;
    }

    /** Expire after {@code ttl}, in whole seconds. */
    public static GetExArgs ex(Duration ttl) {
        return new GetExArgs(List.of("EX", Arguments.positiveSeconds("ex", ttl)));
    }

    /** Expire after {@code ttl}, in milliseconds. */
    public static GetExArgs px(Duration ttl) {
        return new GetExArgs(List.of("PX", Arguments.positiveMillis("px", ttl)));
    }

    /** Expire at an instant, to the millisecond. */
    public static GetExArgs pxAt(Instant at) {
        return new GetExArgs(List.of("PXAT", Arguments.required("pxAt", at).toEpochMilli()));
    }

    /** Remove the time to live. */
    public static GetExArgs persist() {
        return new GetExArgs(List.of("PERSIST"));
    }

    /** The Redis arguments these options stand for, in order. */
    public List<Object> arguments() {
        return arguments;
    }

    @Override
    public String toString() {
        return "GetExArgs" + arguments;
    }
}
