package dev.rediscdi.internal.client;

import java.util.List;
import java.util.concurrent.CompletionStage;

import io.vertx.core.Future;
import io.vertx.redis.client.Request;
import io.vertx.redis.client.Response;

/** This library's clients, and their views, which write a pipeline in one go and keep each command's own reply. */
public interface PipeliningClient {

    /**
     * Sends the requests in order on one pipelined connection and completes with each one's own outcome (a
     * refused command fails its own future only), within the client's timeout and under its policy.
     */
    CompletionStage<List<Future<Response>>> pipeline(List<Request> requests);
}
