package dev.rediscdi;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Options of {@code XREAD} and {@code XREADGROUP}: {@code new XReadArgs().count(10).block(Duration.ofSeconds(5))}.
 * A read that blocks runs on a connection of its own, never holding up other commands.
 */
public final class XReadArgs {
    private long count;
    private Duration block;
    private boolean noAck;

    /** At most {@code count} entries per stream. */
    public XReadArgs count(long count) {
        this.count = Arguments.atLeastOne("count", count);
        return this;
    }

    /** Wait up to {@code block} for entries when there are none; {@link Duration#ZERO} waits forever. */
    public XReadArgs block(Duration block) {
        if (Arguments.required("block", block).isNegative()) {
            throw new IllegalArgumentException("block is " + block + ": give zero (forever) or more");
        }
        this.block = block;
        return this;
    }

    /** {@code XREADGROUP} only: do not add the entries to the pending list (no {@code XACK} needed). */
    public XReadArgs noAck() {
        this.noAck = true;
        return this;
    }

    /** How long the read may block, or {@code null} when it does not block. */
    public Duration blockDuration() {
        return block;
    }

    /** Whether {@link #noAck()} was asked for. */
    public boolean noAckRequested() {
        return noAck;
    }

    /** The Redis arguments these options stand for, in order ({@code NOACK} excluded: it goes elsewhere). */
    public List<Object> arguments() {
        List<Object> all = new ArrayList<>(4);
        if (count > 0) {
            all.add("COUNT");
            all.add(count);
        }
        if (block != null) {
            all.add("BLOCK");
            // to the millisecond, a part of one rounded up: BLOCK 0 would wait forever
            all.add(block.getNano() % 1_000_000 == 0 ? block.toMillis() : block.toMillis() + 1);
        }
        return all;
    }

    @Override
    public String toString() {
        return "XReadArgs" + arguments() + (noAck ? "[NOACK]" : "");
    }
}
