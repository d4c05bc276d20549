package dev.rediscdi.internal.client;

import io.vertx.core.Future;
import io.vertx.redis.client.RedisConnection;
import io.vertx.redis.client.Request;
import io.vertx.redis.client.Response;

/** One command on its way. */
class PendingCommand extends Pending<Response> {
    private final Request request;

    PendingCommand(Request request, long deadlineNanos, Failures failures) {
        super(deadlineNanos, failures);
        this.request = request;
    }

    @Override
    int weight() {
        return 1;
    }

    @Override
    Request firstRequest() {
        return request;
    }

    @Override
    Future<Response> writeTo(RedisConnection connection) {
        return connection.send(request);
    }
}
