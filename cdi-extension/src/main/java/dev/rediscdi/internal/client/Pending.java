package dev.rediscdi.internal.client;

import java.util.concurrent.CompletableFuture;

import io.vertx.core.AsyncResult;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.redis.client.RedisConnection;
import io.vertx.redis.client.Request;

/**
 * Work on its way to Redis (one command or a batch): the caller's future, its deadline, and the driver's
 * reply handler in one object, so that the hot path allocates nothing else.
 *
 * @param <T> the reply type
 */
abstract class Pending<T> extends CompletableFuture<T> implements Handler<AsyncResult<T>> {
    final long deadlineNanos;
    final Failures failures;
    /** The connection it was written to, to forget that one if it turns out closed. */
    RedisConnection via;
    private PipelinedConnection carrier;
    private boolean retriedNotWritten;
    private int redirectResends;

    Pending(long deadlineNanos, Failures failures) {
        this.deadlineNanos = deadlineNanos;
        this.failures = failures;
    }

    /** How many pipelining slots it takes: one per command. */
    abstract int weight();

    /** The first (or only) request, to name the command in messages. */
    abstract Request firstRequest();

    abstract Future<T> writeTo(RedisConnection connection);

    void sentOn(PipelinedConnection connection) {
        this.carrier = connection;
    }

    /** Work that never reached Redis because its connection had just closed is sent again, once. */
    boolean retryNotWritten() {
        if (retriedNotWritten) {
            return false;
        }
        retriedNotWritten = true;
        return true;
    }

    /** A command the driver stopped redirecting ({@code MOVED}, {@code ASK}) did not run: it is sent again, up to 3 times. */
    boolean resendAfterRedirect() {
        return weight() == 1 && redirectResends++ < 3;
    }

    /** The exception for a failure the driver reported; {@code sent} says whether it may have reached Redis. */
    RuntimeException failure(Throwable cause, boolean sent) {
        return failures.translate(cause, firstRequest(), sent);
    }

    /** Fails it with the client's timeout, and tells the connection it was written to. */
    final void expire() {
        completeExceptionally(timedOut());
        PipelinedConnection connection = carrier;
        if (connection != null) {
            connection.expired(via);
        }
    }

    RuntimeException timedOut() {
        return failures.timedOut(firstRequest());
    }

    @Override
    public void handle(AsyncResult<T> result) {
        PipelinedConnection connection = carrier;
        if (connection != null) {
            connection.replied(this, result);
        } else if (result.succeeded()) {
            complete(result.result());
        } else {
            completeExceptionally(failure(result.cause(), true));
        }
    }
}
