package dev.rediscdi;

import java.time.Duration;

/**
 * One pending entry, from {@code XPENDING key group start end count}.
 *
 * @param id the entry id
 * @param consumer the consumer it was delivered to last
 * @param idle the time since it was delivered last
 * @param deliveries how many times it was delivered
 */
public record PendingMessage(String id, String consumer, Duration idle, long deliveries) {
}
