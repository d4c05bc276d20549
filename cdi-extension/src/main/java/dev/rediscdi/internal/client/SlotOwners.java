package dev.rediscdi.internal.client;

import java.util.Map;
import java.util.TreeMap;

import io.vertx.redis.client.Response;

/** Which primary serves each hash slot, as a {@code CLUSTER SLOTS} reply says. */
final class SlotOwners {
    /** First slot of each range, to the range's last slot and its primary ({@code host:port}). */
    private final TreeMap<Integer, Map.Entry<Integer, String>> ranges;

    private SlotOwners(TreeMap<Integer, Map.Entry<Integer, String>> ranges) {
        this.ranges = ranges;
    }

    /** {@code fallbackHost} stands in for a node that does not know its own address (an empty host). */
    static SlotOwners of(Response slots, String fallbackHost) {
        TreeMap<Integer, Map.Entry<Integer, String>> ranges = new TreeMap<>();
        for (Response range : slots) {
            Response primary = range.get(2);
            String host = primary.get(0) == null ? "" : primary.get(0).toString();
            if (host.isEmpty() || "?".equals(host)) {
                host = fallbackHost;
            }
            ranges.put(range.get(0).toInteger(), Map.entry(range.get(1).toInteger(), NodeUri.hostPort(host, primary.get(1).toInteger())));
        }
        return new SlotOwners(ranges);
    }

    /** The primaries ({@code host:port}) serving slots. */
    java.util.Set<String> primaries() {
        java.util.Set<String> primaries = new java.util.LinkedHashSet<>();
        ranges.values().forEach(range -> primaries.add(range.getValue()));
        return primaries;
    }

    /** The primary serving {@code slot}, or {@code null} if no range covers it (a cluster that lost a shard). */
    String ownerOf(int slot) {
        Map.Entry<Integer, Map.Entry<Integer, String>> range = ranges.floorEntry(slot);
        return range == null || range.getValue().getKey() < slot ? null : range.getValue().getValue();
    }
}
