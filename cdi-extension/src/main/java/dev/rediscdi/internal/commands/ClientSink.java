package dev.rediscdi.internal.commands;

import java.util.concurrent.CompletionStage;
import java.util.function.Function;

import dev.rediscdi.internal.client.LibraryClient;
import io.vertx.redis.client.Request;
import io.vertx.redis.client.Response;

/** Sends each command at once, through the client (its pipelined connections, or a connection of its own for blocking commands) or a scoped connection. */
final class ClientSink implements CommandSink {
    private final Function<Request, CompletionStage<Response>> sender;
    private final LibraryClient library;

    /** Sends through a scoped connection, or through a client of another implementation. */
    ClientSink(Function<Request, CompletionStage<Response>> sender) {
        this.sender = sender;
        this.library = null;
    }

    /** Sends through this library's client: decodes on its threads, then hands the stage over to the caller once. */
    ClientSink(LibraryClient library) {
        this.sender = library::sendInternally;
        this.library = library;
    }

    @Override
    public <T> CompletionStage<T> send(Request request, Function<Response, T> decode) {
        CompletionStage<T> decoded = sender.apply(request).thenApply(decode);
        return library == null ? decoded : library.handOver(decoded);
    }

    @Override
    public LibraryClient cluster() {
        return library != null && library.isCluster() ? library : null;
    }
}
