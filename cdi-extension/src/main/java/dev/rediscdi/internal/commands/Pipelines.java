package dev.rediscdi.internal.commands;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Consumer;

import dev.rediscdi.CommandResults;
import dev.rediscdi.RedisClient;
import dev.rediscdi.RedisCommands;
import dev.rediscdi.internal.client.LibraryClient;
import io.vertx.core.Future;
import io.vertx.redis.client.Request;

/**
 * Pipelines: the queued commands go out together, in order, on one of the client's pipelined connections, and
 * each gets its own reply or error. Unlike the driver's {@code batch}, one refused command loses nothing else.
 */
final class Pipelines {
    private Pipelines() {
    }

    static CompletionStage<CommandResults> run(RedisClient client, TypedSupport support, Consumer<RedisCommands> commands) {
        QueueSink queue = new QueueSink(client instanceof LibraryClient library ? library : null);
        List<QueueSink.Queued<?>> queued = queue.fill(() -> commands.accept(new Groups(queue, support.codecs())));
        if (queued.isEmpty()) {
            return CompletableFuture.completedFuture(new CommandResults(List.of(), List.of()));
        }
        List<Request> requests = queued.stream().map(QueueSink.Queued::request).toList();
        CompletionStage<List<Object>> outcomes;
        try {
            outcomes = send(client, requests);
        } catch (RuntimeException refused) { // a blocking or connection-state command: nothing was sent
            QueueSink.failAll(queued, refused);
            return CompletableFuture.failedFuture(refused);
        }
        CompletionStage<CommandResults> results = outcomes.whenComplete((done, error) -> {
            if (error != null) {
                QueueSink.failAll(queued, error);
            }
        }).thenApply(done -> QueueSink.complete(queued, done));
        return client instanceof LibraryClient pipelining ? pipelining.handOver(results) : results;
    }

    private static CompletionStage<List<Object>> send(RedisClient client, List<Request> requests) {
        if (client instanceof LibraryClient pipelining) {
            return pipelining.pipelineInternally(requests).thenApply(replies -> {
                List<Object> outcomes = new ArrayList<>(replies.size());
                for (Future<?> reply : replies) {
                    outcomes.add(reply.succeeded() ? reply.result() : reply.cause());
                }
                return outcomes;
            });
        }
        // another implementation of RedisClient: one command after the other, which keeps the order
        CompletionStage<List<Object>> chain = CompletableFuture.completedFuture(new ArrayList<>());
        for (Request request : requests) {
            chain = chain.thenCompose(outcomes -> client.send(request).handle((reply, error) -> {
                outcomes.add(error != null ? Transactions.unwrap(error) : reply);
                return outcomes;
            }));
        }
        return chain;
    }
}
