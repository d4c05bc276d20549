package dev.rediscdi;

import java.nio.charset.StandardCharsets;

/**
 * A message received on a subscription.
 *
 * @param channel the channel it was published to
 * @param pattern the pattern that matched, or {@code null} for a channel or shard channel subscription
 * @param payload the message as published
 * @param sharded whether it came on a shard channel ({@code SPUBLISH}, {@code SSUBSCRIBE}): Redis keeps shard channels
 *        apart from channels, so {@code orders} may be both, and an observer of both kinds tells them apart by this
 */
public record RedisMessage(String channel, String pattern, byte[] payload, boolean sharded) {

    /** A message of a channel or pattern subscription (not a shard channel). */
    public RedisMessage(String channel, String pattern, byte[] payload) {
        this(channel, pattern, payload, false);
    }

    /** The payload decoded as UTF-8. */
    public String payloadAsString() {
        return new String(payload, StandardCharsets.UTF_8);
    }

    @Override
    public String toString() {
        return "RedisMessage[" + (sharded ? "shard channel=" : "channel=") + channel + ", pattern=" + pattern + ", " + payload.length + " bytes]";
    }
}
