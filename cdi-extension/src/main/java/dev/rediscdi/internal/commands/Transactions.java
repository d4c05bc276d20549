package dev.rediscdi.internal.commands;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.function.BiConsumer;
import java.util.function.Function;

import dev.rediscdi.CommandResults;
import dev.rediscdi.RedisClient;
import dev.rediscdi.RedisCommands;
import dev.rediscdi.RedisReplyException;
import dev.rediscdi.RedisTransactionConflictException;
import dev.rediscdi.ScopedConnection;
import dev.rediscdi.internal.client.LibraryClient;
import io.vertx.redis.client.Request;
import io.vertx.redis.client.Response;
import io.vertx.redis.client.ResponseType;

/**
 * {@code MULTI}/{@code EXEC} on a connection of its own, with optional {@code WATCH}: the reads run on that
 * connection after {@code WATCH}, the writes are queued and sent between {@code MULTI} and {@code EXEC}; when a
 * watched key changed, {@code EXEC} answers nil and the whole attempt (reads included) runs again, a bounded
 * number of times.
 */
final class Transactions<I> {
    private final TypedSupport support;
    /** This library's client, whose hand-over the queued commands' stages go through; {@code null} for another implementation. */
    private final LibraryClient library;
    private final List<String> watched;
    private final int maxAttempts;
    private final Function<RedisCommands, ? extends CompletionStage<I>> read;
    private final BiConsumer<I, RedisCommands> write;

    private Transactions(TypedSupport support, LibraryClient library, List<String> watched, int maxAttempts,
            Function<RedisCommands, ? extends CompletionStage<I>> read, BiConsumer<I, RedisCommands> write) {
        this.support = support;
        this.library = library;
        this.watched = watched;
        this.maxAttempts = maxAttempts;
        this.read = read;
        this.write = write;
    }

    static <I> CompletionStage<CommandResults> run(RedisClient client, TypedSupport support, List<String> watched, int maxAttempts,
            Function<RedisCommands, ? extends CompletionStage<I>> read, BiConsumer<I, RedisCommands> write) {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts is " + maxAttempts + ": give 1 or more");
        }
        if (write == null) {
            throw new IllegalArgumentException("the transaction's commands are null: give a function that queues them");
        }
        for (String key : watched) {
            if (key == null) {
                throw new IllegalArgumentException("a watched key is null");
            }
        }
        Transactions<I> transaction = new Transactions<>(support, client instanceof LibraryClient own ? own : null, List.copyOf(watched), maxAttempts, read, write);
        return client.withConnection(connection -> transaction.attempt(connection, 1));
    }

    private CompletionStage<CommandResults> attempt(ScopedConnection connection, int attempt) {
        CompletionStage<?> watching = watched.isEmpty() ? CompletableFuture.completedFuture(null)
                : connection.send("WATCH", watched.toArray());
        CompletionStage<I> input = watching.thenCompose(ok -> read == null ? CompletableFuture.<I>completedFuture(null)
                : read.apply(new Groups(new ClientSink(connection::send), support.codecs())));
        return input.thenCompose(value -> execute(connection, value, attempt)).thenCompose(results -> {
            if (results != null) {
                return CompletableFuture.completedFuture(results);
            }
            if (attempt >= maxAttempts) {
                return CompletableFuture.failedFuture(new RedisTransactionConflictException(support.label() + ": the transaction gave up after "
                        + attempt + " attempts: a watched key " + watched + " changed before EXEC every time", attempt));
            }
            return attempt(connection, attempt + 1);
        });
    }

    /**
     * The results, or {@code null} when a watched key changed. The queued commands leave once Redis accepted MULTI:
     * sent with it, they would run on their own, outside any transaction, if Redis refused it ({@code NOPERM} for a user
     * without it, {@code LOADING} as Redis restarts). That costs a round trip.
     */
    private CompletionStage<CommandResults> execute(ScopedConnection connection, I input, int attempt) {
        QueueSink queue = new QueueSink(library);
        List<QueueSink.Queued<?>> queued = queue.fill(() -> write.accept(input, new Groups(queue, support.codecs())));
        return connection.send("MULTI").handle((ok, refused) -> refused).thenCompose(refused -> {
            if (refused != null) {
                Throwable failure = unwrap(refused);
                QueueSink.failAll(queued, failure);
                return CompletableFuture.failedFuture(failure);
            }
            return queueAndExecute(connection, queued, attempt);
        });
    }

    private CompletionStage<CommandResults> queueAndExecute(ScopedConnection connection, List<QueueSink.Queued<?>> queued, int attempt) {
        List<CompletionStage<Response>> acknowledgements = new ArrayList<>(queued.size());
        for (QueueSink.Queued<?> command : queued) {
            acknowledgements.add(connection.send(command.request()));
        }
        return connection.send("EXEC").handle((exec, error) -> {
            if (error != null) {
                RuntimeException failure = refusal(unwrap(error), acknowledgements);
                QueueSink.failAll(queued, failure);
                throw failure;
            }
            if (exec == null) {
                QueueSink.failAll(queued, new RedisTransactionConflictException(support.label()
                        + ": a watched key changed, attempt " + attempt + " of the transaction did not run", attempt));
                return null;
            }
            List<Object> outcomes = new ArrayList<>(queued.size());
            for (int i = 0; i < queued.size(); i++) {
                Response reply = exec.get(i);
                outcomes.add(reply != null && reply.type() == ResponseType.ERROR ? error(queued.get(i).request(), reply.toString()) : reply);
            }
            return QueueSink.complete(queued, outcomes);
        });
    }

    /**
     * {@code EXECABORT}: say which queued command Redis refused. Only then did nothing run: an {@code EXEC} that timed
     * out or lost its connection may have run, whatever happened to the acknowledgements before it (they fail with it).
     */
    private RuntimeException refusal(Throwable execError, List<CompletionStage<Response>> acknowledgements) {
        if (execError instanceof RedisReplyException aborted && "EXECABORT".equals(aborted.code())) {
            for (CompletionStage<Response> acknowledgement : acknowledgements) {
                CompletableFuture<Response> done = acknowledgement.toCompletableFuture();
                if (done.isCompletedExceptionally() && done.handle((ok, e) -> unwrap(e)).join() instanceof RedisReplyException refused) {
                    return new RedisReplyException("EXECABORT", support.label() + ": Redis refused the transaction, nothing of it ran: "
                            + refused.getMessage(), refused);
                }
            }
        }
        return execError instanceof RuntimeException runtime ? runtime : new CompletionException(execError);
    }

    private RedisReplyException error(Request request, String text) {
        String code = text.contains(" ") ? text.substring(0, text.indexOf(' ')) : text;
        return new RedisReplyException(code, support.label() + ": Redis refused " + request.command().toString().toUpperCase(Locale.ROOT)
                + " in the transaction: " + text, null);
    }

    static Throwable unwrap(Throwable error) {
        return error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
    }
}
