package dev.rediscdi.internal.client;

import java.util.concurrent.CompletableFuture;

import io.vertx.core.AsyncResult;
import io.vertx.core.Handler;
import io.vertx.redis.client.RedisConnection;
import io.vertx.redis.client.Request;
import io.vertx.redis.client.Response;

/** One command on its way: the caller's future, its deadline, and the driver's reply handler in one object. */
final class PendingCommand extends CompletableFuture<Response> implements Handler<AsyncResult<Response>> {
    final Request request;
    final long deadlineNanos;
    private final Failures failures;
    private PipelinedConnection carrier;
    RedisConnection via;
    private boolean retriedNotWritten;

    PendingCommand(Request request, long deadlineNanos, Failures failures) {
        this.request = request;
        this.deadlineNanos = deadlineNanos;
        this.failures = failures;
    }

    void sentOn(PipelinedConnection connection) {
        this.carrier = connection;
    }

    /** A command that never reached Redis because its connection had just closed is sent again, once. */
    boolean retryNotWritten() {
        if (retriedNotWritten) {
            return false;
        }
        retriedNotWritten = true;
        return true;
    }

    @Override
    public void handle(AsyncResult<Response> result) {
        PipelinedConnection connection = carrier;
        if (connection != null) {
            connection.replied(this, result);
        } else if (result.succeeded()) {
            complete(result.result());
        } else {
            completeExceptionally(failures.translate(result.cause(), request, true));
        }
    }
}
