package dev.rediscdi;

import java.util.Map;

/**
 * What {@code XPENDING key group} says: entries delivered to the group's consumers and not yet acknowledged.
 *
 * @param count how many entries are pending
 * @param lowestId the smallest pending id, {@code null} when none is pending
 * @param highestId the greatest pending id, {@code null} when none is pending
 * @param consumers pending entries per consumer
 */
public record PendingSummary(long count, String lowestId, String highestId, Map<String, Long> consumers) {
}
