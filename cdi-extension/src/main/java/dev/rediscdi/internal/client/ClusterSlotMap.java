package dev.rediscdi.internal.client;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

import io.vertx.redis.client.RedisOptions;
import io.vertx.redis.client.Response;

/**
 * Which primary of a cluster serves each slot, as the cluster said last ({@code CLUSTER SLOTS}), asked of the nodes
 * directly ({@link ClusterNodes}, which learns the primaries too): the primaries known first, then the configured
 * nodes, the first that answers telling.
 */
final class ClusterSlotMap {
    private final RedisOptions options;
    private final String clientLabel;
    private final ClusterNodes nodes;
    // guarded by this
    private SlotOwners owners;
    private CompletableFuture<SlotOwners> asking;

    /**
     * @param nodes sends a request to one node ({@code host:port}) within the timeout, outside the client's retries and
     *        circuit breaker: asking the slots of a cluster that has just lost a primary must not open the breaker of the
     *        application's commands
     */
    ClusterSlotMap(RedisOptions options, String clientLabel, ClusterNodes nodes) {
        this.options = options;
        this.clientLabel = clientLabel;
        this.nodes = nodes;
    }

    /** The node serving {@code channel}'s slot, from the slots known ({@code fresh}: asked again, of {@code askFirst} first if given). */
    CompletionStage<String> ownerOf(String channel, boolean fresh, String askFirst) {
        int slot = TopicKind.slot(channel);
        return current(fresh, askFirst).thenApply(slots -> {
            String owner = slots.ownerOf(slot);
            if (owner == null) {
                throw new IllegalStateException(clientLabel + ": no node of the cluster serves slot " + slot + " of shard channel " + channel);
            }
            return owner;
        });
    }

    /** The slots as last asked, or asked now ({@code fresh}, or none known yet); one question at a time. */
    synchronized CompletableFuture<SlotOwners> current(boolean fresh, String askFirst) {
        if (!fresh && owners != null) {
            return CompletableFuture.completedFuture(owners);
        }
        if (asking != null) {
            return asking;
        }
        // the primaries known first, then the configured nodes: the first that answers tells
        Set<String> asked = new LinkedHashSet<>();
        if (askFirst != null) {
            asked.add(askFirst);
        }
        asked.addAll(owners == null ? Set.of() : owners.primaries());
        options.getEndpoints().forEach(endpoint -> asked.add(NodeUri.hostPortOf(endpoint)));
        CompletableFuture<SlotOwners> ask = askFrom(new ArrayList<>(asked), 0, null);
        asking = ask;
        ask.whenComplete((slots, error) -> {
            synchronized (this) {
                if (asking == ask) {
                    asking = null;
                }
                if (slots != null) {
                    owners = slots;
                }
            }
            if (slots != null) {
                nodes.learned(slots.primaries());
            }
        });
        return ask;
    }

    private CompletableFuture<SlotOwners> askFrom(List<String> asked, int index, Throwable lastFailure) {
        if (index == asked.size()) {
            return CompletableFuture.failedFuture(lastFailure);
        }
        CompletableFuture<Response> reply;
        try {
            reply = nodes.send(asked.get(index), ClusterNodes.slotsRequest()).toCompletableFuture();
        } catch (RuntimeException e) { // the client is closed
            return CompletableFuture.failedFuture(e);
        }
        return reply.thenApply(slots -> SlotOwners.of(slots, NodeUri.host(options.getEndpoint())))
                .exceptionallyCompose(error -> askFrom(asked, index + 1, error));
    }
}
