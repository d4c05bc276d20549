package dev.rediscdi;

import java.util.concurrent.CompletionStage;

import io.vertx.redis.client.Request;
import io.vertx.redis.client.Response;

/**
 * A connection of its own, for the length of one {@link RedisClient#withConnection} call: for what must run
 * on one connection, such as {@code WAIT} after a write, or {@code MULTI}/{@code EXEC} with {@code WATCH}. Every
 * command has the client's {@code timeout}. Valid only until the stage returned by the work completes. A connection
 * that was sent {@code CLIENT TRACKING} or {@code CLIENT REPLY} is closed afterwards, never given back to the pool
 * (with RESP3, the driver gives a tracking message the place of the next waiting reply: keep tracking on a connection
 * of your own, from the {@code io.vertx.redis.client.Redis} bean).
 */
public interface ScopedConnection {

    CompletionStage<Response> send(String command, Object... args);

    <T> CompletionStage<T> execute(ReplyType<T> replyType, String command, Object... args);

    CompletionStage<Response> send(Request request);
}
