package dev.rediscdi.internal.client;

import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicInteger;

import io.vertx.core.AsyncResult;
import io.vertx.core.Handler;
import io.vertx.redis.client.Redis;
import io.vertx.redis.client.RedisConnection;

/**
 * Opens the pooled connection for a lease taken from a {@link LeaseLine}, and makes sure the lease goes back once.
 *
 * <p>The driver's connect may never call back: its handshake returns without a word on an error reply other than
 * "unknown command", such as the one of a Redis at {@code maxclients}. A lease waiting for that connect would be
 * lost for good, and after as many such connects as the line has leases, every withConnection and transaction
 * would fail. So the lease is given back as soon as the work it was for is over ({@code over}: its deadline
 * passed), and a connection that comes after that is closed unused.
 */
final class LeaseConnect {
    private static final int CONNECTING = 0;
    private static final int CONNECTED = 1;
    private static final int ABANDONED = 2;

    private LeaseConnect() {
    }

    /**
     * Connects through {@code redis} for a lease already taken from {@code leases}. {@code then} gets the connection,
     * and then owns the lease: it gives it back once it closed the connection. A failed connect gives the lease back
     * before {@code then} hears of it; a connect that completes after {@code over} completed is not heard of at all.
     */
    static void open(Redis redis, LeaseLine leases, CompletionStage<?> over, Handler<AsyncResult<RedisConnection>> then) {
        AtomicInteger phase = new AtomicInteger(CONNECTING);
        over.whenComplete((ignored, failure) -> {
            if (phase.compareAndSet(CONNECTING, ABANDONED)) {
                leases.give();
            }
        });
        redis.connect().onComplete(connected -> {
            if (!phase.compareAndSet(CONNECTING, CONNECTED)) {
                if (connected.succeeded()) {
                    connected.result().close(); // too late: the work is over, and its lease was given back
                }
                return;
            }
            if (connected.failed()) {
                leases.give();
            }
            then.handle(connected);
        });
    }
}
