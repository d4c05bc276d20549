package dev.rediscdi.internal.commands;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;

import dev.rediscdi.CommandResults;
import dev.rediscdi.RedisDecodeException;
import dev.rediscdi.RedisException;
import dev.rediscdi.internal.client.LibraryClient;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.Request;
import io.vertx.redis.client.Response;

/**
 * Collects the commands of a pipeline or a transaction; each one's stage completes when its reply is in. The stages
 * given to the application are handed over by this library's client: they complete where the replies are read (an
 * event loop, for a pipeline), and the application's continuations must not run there.
 */
final class QueueSink implements CommandSink {
    private final List<Queued<?>> queued = new ArrayList<>();
    private static final Set<Command> SCANS = Set.of(Command.SCAN, Command.HSCAN, Command.SSCAN, Command.ZSCAN);
    /** This library's client, or {@code null} for a client of another implementation (whose stages are given as they are). */
    private final LibraryClient library;
    private boolean closed;

    QueueSink(LibraryClient library) {
        this.library = library;
    }

    record Queued<T>(Request request, Function<Response, T> decode, CompletableFuture<T> result) {
    }

    @Override
    public synchronized <T> CompletionStage<T> send(Request request, Function<Response, T> decode) {
        if (closed && SCANS.contains(request.command())) {
            throw new IllegalStateException(Group.name(request) + " iterates page by page: a pipeline or transaction sends its first page "
                    + "only. Run the scan on the client itself, outside pipeline(..) and transaction(..)");
        }
        if (closed) {
            throw new IllegalStateException("a command was queued after the pipeline or transaction was sent: "
                    + "queue every command inside the function given to pipeline(..) or transaction(..)");
        }
        Queued<T> command = new Queued<>(request, decode, new CompletableFuture<>());
        queued.add(command);
        return library == null ? command.result() : library.handOver(command.result());
    }

    /**
     * Runs the application's function that queues the commands, then closes the queue. If the function throws,
     * the commands it had queued fail with that exception (their stages would otherwise never complete).
     */
    List<Queued<?>> fill(Runnable queueing) {
        try {
            queueing.run();
        } catch (RuntimeException | Error e) {
            failAll(close(), e);
            throw e;
        }
        return close();
    }

    synchronized List<Queued<?>> close() {
        closed = true;
        return List.copyOf(queued);
    }

    /** Completes each queued command from its outcome ({@link Response} or {@link RedisException}), and gathers the results. */
    static CommandResults complete(List<Queued<?>> commands, List<Object> outcomes) {
        List<Object> values = new ArrayList<>(commands.size());
        List<RedisException> errors = new ArrayList<>(commands.size());
        for (int i = 0; i < commands.size(); i++) {
            Object outcome = outcomes.get(i);
            Object value = null;
            RedisException error = outcome instanceof RedisException failed ? failed : null;
            if (error == null) {
                try {
                    value = decode(commands.get(i), (Response) outcome);
                } catch (RedisDecodeException e) {
                    error = e;
                } catch (RuntimeException e) {
                    error = new RedisException("the reply to " + commands.get(i).request().command() + " has an unexpected shape: " + e, e);
                }
            }
            if (error != null) {
                commands.get(i).result().completeExceptionally(error);
            }
            values.add(value);
            errors.add(error);
        }
        return new CommandResults(values, errors);
    }

    private static <T> T decode(Queued<T> command, Response reply) {
        T value = command.decode().apply(reply);
        command.result().complete(value);
        return value;
    }

    /** Fails every queued command, for a pipeline or transaction that failed as a whole. */
    static void failAll(List<Queued<?>> commands, Throwable error) {
        commands.forEach(command -> command.result().completeExceptionally(error));
    }
}
