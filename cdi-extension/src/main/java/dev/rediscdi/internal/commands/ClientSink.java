package dev.rediscdi.internal.commands;

import java.util.concurrent.CompletionStage;
import java.util.function.Function;

import io.vertx.redis.client.Request;
import io.vertx.redis.client.Response;

/** Sends each command at once, through the client (its pipelined connections, or a connection of its own for blocking commands) or a scoped connection. */
final class ClientSink implements CommandSink {
    private final Function<Request, CompletionStage<Response>> sender;

    ClientSink(Function<Request, CompletionStage<Response>> sender) {
        this.sender = sender;
    }

    @Override
    public <T> CompletionStage<T> send(Request request, Function<Response, T> decode) {
        return sender.apply(request).thenApply(decode);
    }
}
