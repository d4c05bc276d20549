package dev.rediscdi;

import java.util.List;

import io.vertx.redis.client.Request;
import io.vertx.redis.client.Response;

/**
 * The blocking counterpart of {@link RedisClient}: each call waits for the reply, at most the client's
 * {@code timeout}, and throws the same {@link RedisException}s. Injectable like the asynchronous client.
 *
 * <p>Never call it on a Vert.x event-loop thread (it would wait for the very thread that must deliver the
 * reply): such a call fails at once with an {@link IllegalStateException}.
 */
public interface BlockingRedisClient {

    String name();

    Response send(String command, Object... args);

    <T> T execute(ReplyType<T> replyType, String command, Object... args);

    Response send(Request request);

    List<Response> batch(List<Request> requests);

    /** The asynchronous view of this client. */
    RedisClient async();
}
