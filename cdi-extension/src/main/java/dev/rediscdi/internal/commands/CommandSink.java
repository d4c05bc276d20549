package dev.rediscdi.internal.commands;

import java.util.concurrent.CompletionStage;
import java.util.function.Function;

import io.vertx.redis.client.Request;
import io.vertx.redis.client.Response;

/** Where the typed commands go: straight to Redis, or queued for a pipeline or a transaction. */
interface CommandSink {

    /** Sends (or queues) the request; the stage completes with the reply converted by {@code decode} ({@code null} for nil). */
    <T> CompletionStage<T> send(Request request, Function<Response, T> decode);
}
