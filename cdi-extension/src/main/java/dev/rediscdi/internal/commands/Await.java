package dev.rediscdi.internal.commands;

import java.time.Duration;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import dev.rediscdi.RedisException;
import dev.rediscdi.RedisTimeoutException;
import io.vertx.core.Context;

/**
 * Waits for the stages of one client on behalf of its blocking views and its blocking client; its errors name the
 * client.
 */
public final class Await {
    /** The deadline sweep fails a command up to a tenth of the timeout late: wait that much longer before giving up. */
    public static final Duration SWEEP_MARGIN = Duration.ofMillis(250);

    private final String clientLabel;
    private final Duration timeout;

    /**
     * @param clientLabel how errors name the client
     * @param timeout the client's timeout, for the waits of the views
     */
    public Await(String clientLabel, Duration timeout) {
        this.clientLabel = clientLabel;
        this.timeout = timeout;
    }

    Duration timeout() {
        return timeout;
    }

    static void checkThread() {
        if (Context.isOnEventLoopThread()) {
            throw new IllegalStateException("a blocking Redis command was called on a Vert.x event-loop thread ("
                    + Thread.currentThread().getName() + "): it would wait for the thread that must deliver the reply. "
                    + "Use the asynchronous RedisClient there, or move the call to a worker thread");
        }
    }

    /** The stage's value; {@code maxWait} {@code null} waits as long as it takes (for commands that carry their own timeout). */
    public <T> T result(CompletionStage<T> stage, Duration maxWait) {
        try {
            if (maxWait == null) {
                return stage.toCompletableFuture().get();
            }
            return stage.toCompletableFuture().get(maxWait.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new RedisException(cause.toString(), cause);
        } catch (TimeoutException e) {
            throw new RedisTimeoutException(clientLabel + ": no reply within " + maxWait.toMillis() + " ms; the command may or may not have run", maxWait);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RedisException(clientLabel + ": interrupted while waiting for Redis; the command may or may not have run", e);
        }
    }
}
