package dev.rediscdi;

import java.util.concurrent.CompletionStage;

import io.vertx.redis.client.Request;
import io.vertx.redis.client.Response;

/**
 * A connection of its own, for the length of one {@link RedisClient#withConnection} call: for what must run
 * on one connection, such as {@code WAIT} after a write, {@code MULTI}/{@code EXEC} with {@code WATCH}, or
 * {@code CLIENT TRACKING}. Every command has the client's {@code timeout}. Valid only until the stage returned
 * by the work completes.
 */
public interface ScopedConnection {

    CompletionStage<Response> send(String command, Object... args);

    <T> CompletionStage<T> execute(ReplyType<T> replyType, String command, Object... args);

    CompletionStage<Response> send(Request request);
}
