package dev.rediscdi.internal.client;

import java.util.List;

import io.vertx.core.Future;
import io.vertx.redis.client.RedisConnection;
import io.vertx.redis.client.Request;
import io.vertx.redis.client.Response;

/** A batch on its way: written in one go, it takes one pipelining slot per command. */
final class PendingBatch extends Pending<List<Response>> {
    private final List<Request> requests;

    PendingBatch(List<Request> requests, long deadlineNanos, Failures failures) {
        super(deadlineNanos, failures);
        this.requests = requests;
    }

    @Override
    int weight() {
        return requests.size();
    }

    @Override
    Request firstRequest() {
        return requests.get(0);
    }

    /** The driver fails a whole batch with one text that joins the errors of its failed commands. */
    @Override
    RuntimeException failure(Throwable cause, boolean sent) {
        return failures.translateBatch(cause, requests, sent);
    }

    @Override
    void expire() {
        completeExceptionally(failures.timedOut(requests));
    }

    @Override
    Future<List<Response>> writeTo(RedisConnection connection) {
        return connection.batch(requests);
    }
}
