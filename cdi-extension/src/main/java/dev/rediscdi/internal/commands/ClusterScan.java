package dev.rediscdi.internal.commands;

import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;

import dev.rediscdi.internal.client.LibraryClient;
import io.vertx.redis.client.Request;
import io.vertx.redis.client.Response;

/**
 * {@code SCAN} over a whole cluster: each primary is scanned to its end in turn, so that every key is seen, as
 * {@code SCAN} guarantees for one node. The primaries are those the cluster names when the iteration starts;
 * the cursor carries them, with the index and cursor of the node being scanned
 * ({@code <index>:<node cursor>:<host:port>,<host:port>...}), so that the blocking iteration, which asks for one
 * page at a time, drives it as it drives a plain {@code SCAN}. A slot migrated during the iteration can hide or
 * repeat its keys, and a primary gone midway fails the iteration: start it again (one that failed over but still
 * runs answers SCAN as a replica, with the same keys).
 */
final class ClusterScan {
    private static final String START = ScanCursor.start();

    private ClusterScan() {
    }

    /**
     * The page fetcher for a {@link ScanCursor}.
     *
     * @param request the SCAN request for a node's cursor
     * @param decode the elements of one node's reply
     */
    static <T> Function<String, CompletionStage<ScanCursor.Page<T>>> pages(LibraryClient cluster, Function<String, Request> request,
            Function<Response, List<T>> decode) {
        return cursor -> {
            CompletionStage<ScanCursor.Page<T>> page = START.equals(cursor)
                    ? cluster.clusterPrimariesInternally().thenCompose(nodes -> nodes.isEmpty()
                            ? CompletableFuture.completedFuture(new ScanCursor.Page<>(START, List.<T>of()))
                            : page(cluster, request, decode, new Position(0, START, nodes)))
                    : page(cluster, request, decode, Position.parse(cursor));
            return cluster.handOver(page);
        };
    }

    private static <T> CompletionStage<ScanCursor.Page<T>> page(LibraryClient cluster, Function<String, Request> request,
            Function<Response, List<T>> decode, Position at) {
        return cluster.sendToNodeInternally(at.node(), request.apply(at.cursor()))
                .thenApply(reply -> new ScanCursor.Page<>(at.next(reply.get(0).toString()), decode.apply(reply.get(1))));
    }

    /** Where an iteration stands: the node being scanned (an index into the primaries) and its cursor. */
    record Position(int index, String cursor, List<String> nodes) {

        static Position parse(String text) {
            String[] parts = text.split(":", 3);
            try {
                return new Position(Integer.parseInt(parts[0]), parts[1], Arrays.asList(parts[2].split(",")));
            } catch (RuntimeException e) {
                throw new IllegalArgumentException("not a cluster scan cursor: " + text, e);
            }
        }

        String node() {
            return nodes.get(index);
        }

        /** The composite cursor after a page whose node cursor is {@code nodeCursor}; {@code 0} once every node is done. */
        String next(String nodeCursor) {
            if (!START.equals(nodeCursor)) {
                return index + ":" + nodeCursor + ":" + String.join(",", nodes);
            }
            return index + 1 < nodes.size() ? (index + 1) + ":" + START + ":" + String.join(",", nodes) : START;
        }
    }
}
