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
}
