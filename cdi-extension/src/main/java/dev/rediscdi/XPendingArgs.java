package dev.rediscdi;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The extended form of {@code XPENDING}: {@code XPendingArgs.range("-", "+", 100).idle(Duration.ofMinutes(1))}.
 */
public final class XPendingArgs {
    private final String start;
    private final String end;
    private final long count;
    private Duration idle;
    private String consumer;

    private XPendingArgs(String start, String end, long count) {
        this.start = start;
        this.end = end;
        this.count = count;
    }

    /** Entries with ids from {@code start} to {@code end} ({@code -} and {@code +} for all), at most {@code count}. */
    public static XPendingArgs range(String start, String end, long count) {
        return new XPendingArgs(Arguments.required("start", start), Arguments.required("end", end), Arguments.atLeastOne("count", count));
    }

    /** Only entries idle for at least {@code idle}. */
    public XPendingArgs idle(Duration idle) {
        this.idle = Arguments.required("idle", idle);
        return this;
    }

    /** Only entries of one consumer. */
    public XPendingArgs consumer(String consumer) {
        this.consumer = Arguments.required("consumer", consumer);
        return this;
    }

    /** The Redis arguments these options stand for, in order, after the key and group. */
    public List<Object> arguments() {
        List<Object> all = new ArrayList<>(6);
        if (idle != null) {
            all.add("IDLE");
            all.add(idle.toMillis());
        }
        all.add(start);
        all.add(end);
        all.add(count);
        if (consumer != null) {
            all.add(consumer);
        }
        return all;
    }

    @Override
    public String toString() {
        return "XPendingArgs" + arguments();
    }
}
