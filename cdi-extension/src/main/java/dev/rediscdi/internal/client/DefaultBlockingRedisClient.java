package dev.rediscdi.internal.client;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import dev.rediscdi.BlockingRedisClient;
import dev.rediscdi.RedisClient;
import dev.rediscdi.RedisException;
import dev.rediscdi.RedisTimeoutException;
import dev.rediscdi.ReplyType;
import io.vertx.core.Context;
import io.vertx.redis.client.Request;
import io.vertx.redis.client.Response;

/** Waits for the asynchronous client, never longer than its timeout (plus a margin for the deadline sweep). */
final class DefaultBlockingRedisClient implements BlockingRedisClient {
    private static final long SWEEP_MARGIN_MILLIS = 250;

    private final RedisClient async;
    private final Duration timeout;

    DefaultBlockingRedisClient(RedisClient async, Duration timeout) {
        this.async = async;
        this.timeout = timeout;
    }

    @Override
    public String name() {
        return async.name();
    }

    @Override
    public Response send(String command, Object... args) {
        return send(Requests.of(command, args));
    }

    @Override
    public <T> T execute(ReplyType<T> replyType, String command, Object... args) {
        ReplyType<T> type = Requests.required(replyType);
        Request request = Requests.of(command, args);
        return DefaultRedisClient.unwrap(async).failures().convert(type, send(request), request);
    }

    @Override
    public Response send(Request request) {
        checkThread();
        // blocking commands carry their own timeout argument and get no client deadline: wait as long as they do
        return await(async.send(request), CommandRoute.of(request) == CommandRoute.OWN_CONNECTION);
    }

    @Override
    public List<Response> batch(List<Request> requests) {
        checkThread();
        return await(async.batch(requests), false);
    }

    @Override
    public RedisClient async() {
        return async;
    }

    private static void checkThread() {
        if (Context.isOnEventLoopThread()) {
            throw new IllegalStateException("BlockingRedisClient called on a Vert.x event-loop thread ("
                    + Thread.currentThread().getName() + "): it would wait for the thread that must deliver the reply. "
                    + "Use RedisClient (asynchronous) there, or move the call to a worker thread");
        }
    }

    private <T> T await(CompletionStage<T> stage, boolean unbounded) {
        try {
            if (unbounded) {
                return stage.toCompletableFuture().get();
            }
            return stage.toCompletableFuture().get(timeout.toMillis() + SWEEP_MARGIN_MILLIS, TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RedisException redis) {
                throw redis;
            }
            if (cause instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new RedisException(cause.toString(), cause);
        } catch (TimeoutException e) {
            throw new RedisTimeoutException("no reply within " + timeout.toMillis() + " ms; the command may or may not have run", timeout);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RedisException("interrupted while waiting for Redis; the command may or may not have run", e);
        }
    }
}
