package dev.rediscdi.internal.client;

import java.util.List;
import java.util.concurrent.CompletionStage;

import io.vertx.core.Future;
import io.vertx.redis.client.Request;
import io.vertx.redis.client.Response;

/**
 * This library's clients and their views, as the typed commands see them: stages that complete on the client's
 * own threads, for the library's short continuations (reply decoding), and one hand-over to the caller at the
 * end, so that a typed call costs no more thread hops than a plain one.
 */
public interface LibraryClient {

    /** Sends one command; the stage is the library's own, never given to callers as it is. */
    CompletionStage<Response> sendInternally(Request request);

    /**
     * Sends the requests in order on one pipelined connection and completes with each one's own outcome (a
     * refused command fails its own future only), within the client's timeout and under its policy. The stage is
     * the library's own.
     */
    CompletionStage<List<Future<Response>>> pipelineInternally(List<Request> requests);

    /** The stage to give the caller: its continuations never run on the client's event loops. */
    <T> CompletionStage<T> handOver(CompletionStage<T> stage);

    /** Whether the client talks to a Redis Cluster (where a command without a key must be aimed at each primary). */
    boolean isCluster();

    /** The primaries of the cluster ({@code host:port}, sorted) as the cluster answers now; the stage is the library's own. */
    CompletionStage<List<String>> clusterPrimariesInternally();

    /** Sends one keyless command to one primary of the cluster, within the client's timeout and under its policy. */
    CompletionStage<Response> sendToNodeInternally(String node, Request request);
}
