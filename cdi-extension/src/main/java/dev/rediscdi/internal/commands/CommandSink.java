package dev.rediscdi.internal.commands;

import java.util.concurrent.CompletionStage;
import java.util.function.Function;

import dev.rediscdi.internal.client.LibraryClient;
import io.vertx.redis.client.Request;
import io.vertx.redis.client.Response;

/** Where the typed commands go: straight to Redis, or queued for a pipeline or a transaction. */
interface CommandSink {

    /** Sends (or queues) the request; the stage completes with the reply converted by {@code decode} ({@code null} for nil). */
    <T> CompletionStage<T> send(Request request, Function<Response, T> decode);

    /** The cluster client behind this sink, for commands that must visit every primary; {@code null} for any other sink. */
    default LibraryClient cluster() {
        return null;
    }
}
