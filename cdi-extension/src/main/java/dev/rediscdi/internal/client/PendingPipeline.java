package dev.rediscdi.internal.client;

import java.util.ArrayList;
import java.util.List;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.redis.client.RedisConnection;
import io.vertx.redis.client.Request;
import io.vertx.redis.client.Response;

/**
 * Commands written one after the other on one connection, each with its own reply: unlike the driver's batch,
 * one refused command does not lose the replies of the others. Written in one go from one thread on one
 * connection, so Redis runs them in order.
 */
final class PendingPipeline extends PendingCommands<List<Future<Response>>> {
    private static final String NOT_WRITTEN = "Connection is closed";

    PendingPipeline(List<Request> requests, long deadlineNanos, Failures failures) {
        super(requests, deadlineNanos, failures);
    }

    /** Completes once every command answered; fails only when none was written, so that it can be sent again. */
    @Override
    Future<List<Future<Response>>> writeTo(RedisConnection connection) {
        List<Future<Response>> replies = new ArrayList<>(requests.size());
        for (Request request : requests) {
            replies.add(connection.send(request));
        }
        Promise<List<Future<Response>>> all = Promise.promise();
        Future.join(replies).onComplete(done -> {
            if (replies.stream().allMatch(reply -> reply.failed() && NOT_WRITTEN.equals(reply.cause().getMessage()))) {
                all.fail(replies.get(0).cause());
                return;
            }
            List<Future<Response>> outcomes = new ArrayList<>(replies.size());
            for (int i = 0; i < replies.size(); i++) {
                Future<Response> reply = replies.get(i);
                outcomes.add(reply.succeeded() ? reply
                        : Future.failedFuture(failures.translate(reply.cause(), requests.get(i), !NOT_WRITTEN.equals(reply.cause().getMessage()))));
            }
            all.complete(outcomes);
        });
        return all.future();
    }
}
