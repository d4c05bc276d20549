package dev.rediscdi.internal.client;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicBoolean;

import dev.rediscdi.RedisTimeoutException;
import io.vertx.redis.client.Redis;
import io.vertx.redis.client.RedisConnection;
import io.vertx.redis.client.Request;
import io.vertx.redis.client.Response;
import io.vertx.redis.client.impl.types.ErrorType;

/**
 * Blocking commands ({@code BLPOP}, {@code BLMOVE}, {@code XREAD ... BLOCK}, ...) on connections of their own: a
 * driver client whose pool serves nothing else, so that a blocked command never holds a connection that
 * transactions, batches or {@code withConnection} need. Each command holds one connection while it blocks; more
 * wait in the client's line (see {@link LeaseLine}), in order, until their deadline.
 *
 * <p>Its deadline is its own block timeout plus the client's timeout (none for a timeout of 0, which blocks
 * until served): a frozen Redis fails it too. A connection whose command timed out or was lost is closed, never
 * given back: its late reply must not answer the next command. On a Sentinel client, one blocked on a node other than
 * the primary the Sentinels name has its connection closed ({@link HeldSockets} says what follows for it).
 */
final class BlockingCommands {
    private final Redis redis;
    private final CommandDeadlines deadlines;
    private final Failures failures;
    private final LeaseLine leases;
    private final HeldSockets held;

    BlockingCommands(Redis redis, CommandDeadlines deadlines, Failures failures, LeaseLine leases, HeldSockets held) {
        this.redis = redis;
        this.deadlines = deadlines;
        this.failures = failures;
        this.leases = leases;
        this.held = held;
    }

    CompletionStage<Response> send(Request request) {
        CompletableFuture<Void> ticket = leases.take();
        if (ticket == null) {
            return CompletableFuture.failedFuture(failures.leaseLineFull("blocking commands", leases.waiting(), "max-blocking-connections"));
        }
        InLine pending = new InLine(request, ticket);
        // its expiry takes it out of the line (see InLine); once written it gets a whole deadline again
        pending.lineDeadline = deadlines.trackBlocking(pending, request);
        ticket.whenComplete((lease, closing) -> {
            if (closing != null) {
                pending.completeExceptionally(closing);
            } else {
                connectAndSend(request, pending);
            }
        });
        return pending;
    }

    /** A blocking command that may still wait in line for a connection when its deadline passes. */
    private final class InLine extends PendingCommand {
        private final CompletableFuture<Void> ticket;
        /** The deadline that runs while it waits in line and for its connection. */
        long lineDeadline = -1;

        InLine(Request request, CompletableFuture<Void> ticket) {
            super(request, Long.MAX_VALUE, BlockingCommands.this.failures);
            this.ticket = ticket;
        }

        /** Taken out of the line, it can never be sent: then, and only then, the failure says it was not. */
        @Override
        RuntimeException timedOut() {
            if (leases.leave(ticket)) {
                return timedOutUnwritten();
            }
            return super.timedOut();
        }

        /** Its deadline passed in line, or while its connection opened. */
        @Override
        RuntimeException timedOutUnwritten() {
            return failures.timedOutInLine(firstRequest(), Duration.ofNanos(BlockTimeout.nanosOf(firstRequest())).plus(failures.timeout()));
        }
    }

    private void connectAndSend(Request request, InLine pending) {
        if (pending.isDone()) { // expired while waiting in line
            leases.give();
            return;
        }
        pending.notWrittenYet();
        LeaseConnect.open(redis, leases, pending, leased -> {
            if (leased.failed()) {
                pending.completeExceptionally(failures.translate(leased.cause(), request, false));
                return;
            }
            RedisConnection connection = leased.result();
            AtomicBoolean released = new AtomicBoolean();
            if (pending.isDone() || !pending.startWriting()) { // expired while waiting for a connection
                release(connection, released, true);
                return;
            }
            // Redis blocks it for its whole block timeout from now: a deadline counted from when it joined the line
            // would cut it off while Redis may still pop an element for it, an element then lost with the connection
            deadlines.untrack(pending.lineDeadline);
            if (pending.isDone()) { // the line's deadline passed just now: not written, but said "may have run"
                release(connection, released, true);
                return;
            }
            HeldSockets.Held socket = held.hold(connection);
            if (socket.refusal() != null) { // opened on an old primary: the retry sends it again, once the driver knows
                socket.release();
                release(connection, released, false);
                pending.completeExceptionally(failures.notSent(socket.refusal()));
                return;
            }
            deadlines.trackBlocking(pending, request);
            pending.via = connection;
            pending.whenComplete((reply, error) -> {
                socket.release();
                if (error instanceof RedisTimeoutException) {
                    release(connection, released, false);
                }
            });
            connection.send(request).onComplete(reply -> {
                release(connection, released, reply.succeeded() || reply.cause() instanceof ErrorType);
                pending.handle(reply);
            });
        });
    }

    private void release(RedisConnection connection, AtomicBoolean released, boolean clean) {
        if (!released.compareAndSet(false, true)) {
            return;
        }
        if (clean) {
            connection.close();
        } else {
            DriverConnections.discard(connection); // never back into the pool
        }
        leases.give();
    }

    void close() {
        leases.close(new IllegalStateException("the Redis client is closed; the blocking command waiting for a connection was not sent"));
        redis.close();
    }
}
