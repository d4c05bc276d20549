package dev.rediscdi.internal.client;

import java.util.List;

import io.vertx.core.Future;
import io.vertx.redis.client.RedisConnection;
import io.vertx.redis.client.Request;
import io.vertx.redis.client.Response;

/** A batch on its way: written in one go, it takes one pipelining slot per command. */
final class PendingBatch extends PendingCommands<List<Response>> {

    PendingBatch(List<Request> requests, long deadlineNanos, Failures failures) {
        super(requests, deadlineNanos, failures);
    }

    @Override
    Future<List<Response>> writeTo(RedisConnection connection) {
        return connection.batch(requests);
    }
}
