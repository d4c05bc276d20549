package dev.rediscdi.internal.client;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicIntegerFieldUpdater;

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
    /** Written, or its path does not say: a failure at its deadline says it may have run. The default. */
    private static final int MAYBE_WRITTEN = 0;
    /** Waiting for a pipelining slot or a connection, known not to be written yet. */
    private static final int NOT_WRITTEN = 1;
    /** Its deadline passed before it was written: it never will be. */
    private static final int EXPIRED_UNWRITTEN = 2;
    private static final AtomicIntegerFieldUpdater<Pending> WRITE_STATE = AtomicIntegerFieldUpdater.newUpdater(Pending.class, "writeState");

    final long deadlineNanos;
    final Failures failures;
    /** The connection it was written to, to forget that one if it turns out closed. */
    RedisConnection via;
    private PipelinedConnection carrier;
    private boolean retriedNotWritten;
    private int redirectResends;
    /**
     * Whether it was written, decided by one compare-and-set between the writer and the deadline, so that a failure
     * says "not sent" (safe to retry) only when it surely was not.
     */
    private volatile int writeState;

    Pending(long deadlineNanos, Failures failures) {
        this.deadlineNanos = deadlineNanos;
        this.failures = failures;
    }

    /** How many pipelining slots it takes: one per command. */
    abstract int weight();

    /** The first (or only) request, to name the command in messages. */
    abstract Request firstRequest();

    abstract Future<T> writeTo(RedisConnection connection);

    /** It waits for a pipelining slot or a connection, and is not written until {@link #startWriting()}. */
    final void notWrittenYet() {
        writeState = NOT_WRITTEN;
    }

    /** Called just before it is written; {@code false} if its deadline passed first: then it must not be written. */
    final boolean startWriting() {
        return WRITE_STATE.compareAndSet(this, NOT_WRITTEN, MAYBE_WRITTEN) || writeState == MAYBE_WRITTEN;
    }

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

    /**
     * A command the driver stopped redirecting ({@code MOVED}, {@code ASK}) did not run: it is sent again, up to 6
     * times, after 10, 20, 40... ms (630 ms in all; a resend due after its deadline finds it failed with its timeout). While a slot moves, its two nodes may for a
     * moment each name the other as its owner, and the driver's own redirects bounce between them in no time; on a
     * busy machine that moment lasted longer than three immediate resends. Returns the delay, or -1 for none.
     */
    long redirectResendDelayMillis() {
        if (weight() != 1 || redirectResends >= 6) {
            return -1;
        }
        return 10L << redirectResends++;
    }

    /** The exception for a failure the driver reported; {@code sent} says whether it may have reached Redis. */
    RuntimeException failure(Throwable cause, boolean sent) {
        return failures.translate(cause, firstRequest(), sent);
    }

    /** Fails it with the client's timeout, and tells the connection it was written to. */
    final void expire() {
        RuntimeException failure = WRITE_STATE.compareAndSet(this, NOT_WRITTEN, EXPIRED_UNWRITTEN) ? timedOutUnwritten() : timedOut();
        // the dead connection is let go before the caller hears of the failure: its next command goes to a new one
        PipelinedConnection connection = carrier;
        if (connection != null) {
            connection.expired(via);
        }
        completeExceptionally(failure);
    }

    /**
     * Fails it because the client closed: its connection's event loop may stop before the driver answers it, and
     * the deadlines are no longer swept. Said not sent when {@code surelyUnsent} or when it was not written yet.
     */
    final void clientClosed(boolean surelyUnsent) {
        if (isDone()) {
            return;
        }
        boolean unsent = surelyUnsent || WRITE_STATE.compareAndSet(this, NOT_WRITTEN, EXPIRED_UNWRITTEN);
        completeExceptionally(failure(new IllegalStateException("the client is closed"), !unsent));
    }

    /** The failure at its deadline when it was surely not written: safe to retry. */
    RuntimeException timedOutUnwritten() {
        return failures.timedOutUnsent(firstRequest(), weight());
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
