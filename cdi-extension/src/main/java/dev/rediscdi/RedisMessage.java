package dev.rediscdi;

import java.nio.charset.StandardCharsets;

/**
 * A message received on a subscription.
 *
 * @param channel the channel it was published to
 * @param pattern the pattern that matched, or {@code null} for a channel subscription
 * @param payload the message as published
 */
public record RedisMessage(String channel, String pattern, byte[] payload) {

    /** The payload decoded as UTF-8. */
    public String payloadAsString() {
        return new String(payload, StandardCharsets.UTF_8);
    }

    @Override
    public String toString() {
        return "RedisMessage[channel=" + channel + ", pattern=" + pattern + ", " + payload.length + " bytes]";
    }
}
