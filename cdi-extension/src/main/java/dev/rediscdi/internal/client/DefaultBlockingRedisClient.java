package dev.rediscdi.internal.client;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletionStage;

import dev.rediscdi.BlockingRedisClient;
import dev.rediscdi.RedisClient;
import dev.rediscdi.ReplyType;
import dev.rediscdi.internal.commands.Await;
import io.vertx.core.Context;
import io.vertx.redis.client.Request;
import io.vertx.redis.client.Response;

/**
 * Waits for the asynchronous client, never longer than one call may take: its timeout and, when retries are on, their
 * duration (plus a margin for the deadline sweep). A caller told its command failed must not see it retried and run after.
 */
final class DefaultBlockingRedisClient implements BlockingRedisClient {
    private final RedisClient async;
    /** How long one call may take: the timeout, and the retries' duration when retries are on. */
    private final Duration maxWait;
    private final Await await;

    DefaultBlockingRedisClient(RedisClient async, String clientLabel, Duration maxWait) {
        this.async = async;
        this.maxWait = maxWait;
        this.await = new Await(clientLabel, maxWait);
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
        return await.result(stage, unbounded ? null : maxWait.plus(Await.SWEEP_MARGIN));
    }
}
