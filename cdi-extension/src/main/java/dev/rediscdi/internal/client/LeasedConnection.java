package dev.rediscdi.internal.client;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import dev.rediscdi.RedisReplyException;
import dev.rediscdi.ReplyType;
import dev.rediscdi.ScopedConnection;
import dev.rediscdi.internal.context.Continuations;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.RedisConnection;
import io.vertx.redis.client.Request;
import io.vertx.redis.client.Response;
import io.vertx.core.Future;
import io.vertx.redis.client.impl.RedisClusterConnection;
import io.vertx.redis.client.impl.RequestImpl;

/**
 * A pooled connection lent to one {@code withConnection} call. It remembers an open transaction or watch so
 * that the connection goes back to the pool clean, and closes it for good instead (every node's connection, on a
 * cluster) when the work failed inside a transaction or watch, or after any failure that may leave a reply in
 * flight. On a cluster, {@code WAIT} runs on the node of the last key sent before it.
 */
final class LeasedConnection implements ScopedConnection {
    /** Commands that would change the connection for the pool's next user. */
    private static final Set<Command> REFUSED = Stream.of("SELECT", "AUTH", "HELLO", "QUIT", "RESET", "SUBSCRIBE", "PSUBSCRIBE",
            "SSUBSCRIBE", "MONITOR").map(Command::create).collect(Collectors.toUnmodifiableSet());
    /** Commands of a subscribed connection: on a plain one Redis answers them in the shape of a subscription message. */
    private static final Set<Command> UNSUBSCRIBE = Stream.of("UNSUBSCRIBE", "PUNSUBSCRIBE", "SUNSUBSCRIBE").map(Command::create)
            .collect(Collectors.toUnmodifiableSet());

    private final RedisConnection connection;
    /** Its sockets, watched while it is lent (they follow the primary the Sentinels name). */
    private final HeldSockets.Held socket;
    private final Failures failures;
    private final CommandDeadlines deadlines;
    private final long timeoutNanos;
    private final Continuations continuations;
    private volatile boolean inTransaction;
    private volatile boolean watching;
    private volatile boolean broken;
    /** CLIENT TRACKING or CLIENT REPLY was sent: the connection answers differently now and never goes back to the pool. */
    private volatile boolean repliesChanged;
    private volatile boolean finished;
    private volatile byte[] lastKey;

    LeasedConnection(RedisConnection connection, HeldSockets.Held socket, Failures failures, CommandDeadlines deadlines, long timeoutNanos, Continuations continuations) {
        this.connection = connection;
        this.socket = socket;
        this.failures = failures;
        this.deadlines = deadlines;
        this.timeoutNanos = timeoutNanos;
        this.continuations = continuations;
    }

    @Override
    public CompletionStage<Response> send(String command, Object... args) {
        return send(Requests.of(command, args));
    }

    @Override
    public <T> CompletionStage<T> execute(ReplyType<T> replyType, String command, Object... args) {
        ReplyType<T> type = Requests.required(replyType);
        Request request = Requests.of(command, args);
        return send(request).thenApply(reply -> failures.convert(type, reply, request));
    }

    @Override
    public CompletionStage<Response> send(Request request) {
        if (finished) {
            throw new IllegalStateException("the connection of withConnection(...) was used after the work's stage completed: "
                    + "chain every command into the stage the work returns");
        }
        Command command = request.command();
        if (REFUSED.contains(command)) {
            throw new IllegalArgumentException(command.toString().toUpperCase(Locale.ROOT)
                    + " cannot be sent on a scoped connection: it changes the connection for the next user of the pool");
        }
        if (UNSUBSCRIBE.contains(command)) {
            throw new IllegalArgumentException(command.toString().toUpperCase(Locale.ROOT)
                    + " cannot be sent on a scoped connection, which subscribes to nothing: use Subscription.unsubscribe()");
        }
        track(command);
        if (CommandRoute.changesReplies(request) != null) {
            repliesChanged = true;
        }
        PendingCommand pending = sendWithDeadline(request);
        // marked broken before the caller's continuation can finish the work and give the connection back
        return continuations.handOver(pending.whenComplete((reply, error) -> {
            if (error != null && !(error instanceof RedisReplyException)) {
                broken = true;
            }
        }));
    }

    /**
     * The driver sends a cluster's keyless {@code WAIT} to any primary, where it counts none of this connection's
     * writes and answers at once with that node's replicas. Batched behind a read of the last key sent, it runs on
     * that key's primary, on the connection that carried the write.
     */
    private Future<Response> sendRouted(Request request) {
        if (!(connection instanceof RedisClusterConnection) || !(request instanceof RequestImpl keyed)) {
            return connection.send(request);
        }
        byte[] key = lastKey;
        if (request.command() == Command.WAIT && key != null) {
            return connection.batch(List.of(Request.cmd(Command.EXISTS).arg(key), request)).map(replies -> replies.get(1));
        }
        List<byte[]> keys = keyed.keys();
        if (!keys.isEmpty()) {
            lastKey = keys.get(keys.size() - 1);
        }
        return connection.send(request);
    }

    private void track(Command command) {
        if (command == Command.MULTI) {
            inTransaction = true;
        } else if (command == Command.EXEC || command == Command.DISCARD) {
            inTransaction = false;
            watching = false;
        } else if (command == Command.WATCH) {
            watching = true;
        } else if (command == Command.UNWATCH) {
            watching = false;
        }
    }

    /** Gives the connection back clean, or closes it if a command failed in a way that may leave it dirty. */
    CompletionStage<Void> finish(boolean workFailed) {
        finished = true;
        socket.release();
        if (broken || repliesChanged || (workFailed && (inTransaction || watching))) {
            forceClose();
            return CompletableFuture.completedFuture(null);
        }
        CompletionStage<?> cleanup = CompletableFuture.completedFuture(null);
        if (inTransaction) {
            cleanup = sendWithDeadline(Request.cmd(Command.DISCARD));
        } else if (watching) {
            cleanup = sendWithDeadline(Request.cmd(Command.UNWATCH));
        }
        return cleanup.handle((ok, error) -> {
            if (error != null) {
                forceClose();
            } else {
                connection.close();
            }
            return null;
        });
    }

    /**
     * Sends {@code request} behind its deadline: the client's timeout, or for a blocking command its block timeout
     * plus that. {@code DISCARD} and {@code UNWATCH} at the end go this way too: a frozen Redis must not hold the
     * lease for good.
     */
    private PendingCommand sendWithDeadline(Request request) {
        boolean blocking = CommandRoute.blocks(request);
        PendingCommand pending = new PendingCommand(request, blocking ? Long.MAX_VALUE : System.nanoTime() + timeoutNanos, failures);
        if (blocking) {
            deadlines.trackBlocking(pending, request);
        } else {
            deadlines.track(pending);
        }
        if (pending.isDone()) { // the client closed: its event loops may never run the write
            return pending;
        }
        pending.via = connection;
        sendRouted(request).onComplete(pending);
        return pending;
    }

    /** Never back into the pool: on a cluster, a replication group or Sentinel, every node's connection is closed. */
    private void forceClose() {
        DriverConnections.discard(connection);
    }
}
