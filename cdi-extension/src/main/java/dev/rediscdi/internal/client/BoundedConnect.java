package dev.rediscdi.internal.client;

import java.util.concurrent.TimeoutException;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.redis.client.RedisConnection;

/**
 * A connect with a deadline. The driver has none of its own past the TCP connect, and its connect may never call
 * back at all: its handshake is silent on an error reply other than "unknown command", such as that of a Redis at
 * {@code maxclients}, and a server that accepts but answers nothing (a frozen process) holds it as long as it likes.
 * A connection that opens after the deadline is closed unused.
 */
final class BoundedConnect {
    private BoundedConnect() {
    }

    static Future<RedisConnection> within(Vertx vertx, long timeoutMillis, Future<RedisConnection> connecting) {
        Promise<RedisConnection> bounded = Promise.promise();
        long deadline = vertx.setTimer(Math.max(1, timeoutMillis),
                id -> bounded.tryFail(new TimeoutException("no connection within " + timeoutMillis + " ms")));
        connecting.onComplete(result -> {
            vertx.cancelTimer(deadline);
            if (result.failed()) {
                bounded.tryFail(result.cause());
            } else if (!bounded.tryComplete(result.result())) {
                result.result().close(); // too late: the attempt failed meanwhile
            }
        });
        return bounded.future();
    }
}
