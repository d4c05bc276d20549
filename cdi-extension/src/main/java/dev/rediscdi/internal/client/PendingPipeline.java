package dev.rediscdi.internal.client;

import java.util.ArrayList;
import java.util.List;

import dev.rediscdi.RedisConnectionLostException;
import dev.rediscdi.RedisException;
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
    private final boolean assumeIdempotent;

    /** @param assumeIdempotent the caller declared every command safe to run twice */
    PendingPipeline(List<Request> requests, long deadlineNanos, Failures failures, boolean assumeIdempotent) {
        super(requests, deadlineNanos, failures);
        this.assumeIdempotent = assumeIdempotent;
    }

    /**
     * Completes once every command answered, each with its own outcome. Fails as a whole, so that the policy can send
     * it again, when none was written, or when the connection was lost under commands that are all safe to run twice
     * (the whole pipeline then runs again, not its lost part alone: it keeps its order). Otherwise a lost connection
     * fails the commands that got no reply, each saying it may have run: only the caller knows what to do then.
     */
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
            RedisConnectionLostException lost = null;
            for (int i = 0; i < replies.size(); i++) {
                Future<Response> reply = replies.get(i);
                if (reply.succeeded()) {
                    outcomes.add(reply);
                    continue;
                }
                RedisException failure = failures.translate(reply.cause(), requests.get(i), !NOT_WRITTEN.equals(reply.cause().getMessage()));
                if (lost == null && failure instanceof RedisConnectionLostException) {
                    lost = (RedisConnectionLostException) failure;
                }
                outcomes.add(Future.failedFuture(failure));
            }
            if (lost != null && (assumeIdempotent || Idempotency.all(requests))) {
                all.fail(failures.connectionLost("a pipeline of " + requests.size() + " commands", lost.getCause(), true));
            } else {
                all.complete(outcomes);
            }
        });
        return all.future();
    }
}
