package dev.rediscdi;

import java.util.List;
import java.util.concurrent.CompletionStage;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.Function;

import dev.rediscdi.internal.commands.TypedCommands;

import io.vertx.redis.client.Request;
import io.vertx.redis.client.Response;

/**
 * The blocking counterpart of {@link RedisClient}: each call waits for the reply, at most the client's
 * {@code timeout} and, while the client's retries go on, up to {@code retry.max-duration} more (a command is never
 * retried and run after its caller was told it failed), and throws the same {@link RedisException}s. Injectable like
 * the asynchronous client.
 *
 * <p>Never call it on a Vert.x event-loop thread (it would wait for the very thread that must deliver the
 * reply): such a call fails at once with an {@link IllegalStateException}.
 *
 * <p>Typed commands: {@code redis.value(Order.class).get("order:42")} and the other groups of
 * {@link BlockingRedisCommands}, with the same rules. Blocking pops and blocking stream reads wait their own timeout
 * plus the client's ({@link java.time.Duration#ZERO}: as long as it takes).
 */
public interface BlockingRedisClient extends BlockingRedisCommands {

    String name();

    Response send(String command, Object... args);

    <T> T execute(ReplyType<T> replyType, String command, Object... args);

    Response send(Request request);

    List<Response> batch(List<Request> requests);

    /** The asynchronous view of this client. */
    RedisClient async();

    @Override
    default <K, V> BlockingValueCommands<K, V> value(TypeRef<K> keyType, TypeRef<V> valueType) {
        return TypedCommands.blocking(this).value(keyType, valueType);
    }

    @Override
    default <K> BlockingKeyCommands<K> keys(TypeRef<K> keyType) {
        return TypedCommands.blocking(this).keys(keyType);
    }

    @Override
    default <K, V> BlockingHashCommands<K, V> hash(TypeRef<K> keyType, TypeRef<V> valueType) {
        return TypedCommands.blocking(this).hash(keyType, valueType);
    }

    @Override
    default <K, V> BlockingListCommands<K, V> list(TypeRef<K> keyType, TypeRef<V> valueType) {
        return TypedCommands.blocking(this).list(keyType, valueType);
    }

    @Override
    default <K, V> BlockingSetCommands<K, V> set(TypeRef<K> keyType, TypeRef<V> valueType) {
        return TypedCommands.blocking(this).set(keyType, valueType);
    }

    @Override
    default <K, V> BlockingSortedSetCommands<K, V> sortedSet(TypeRef<K> keyType, TypeRef<V> valueType) {
        return TypedCommands.blocking(this).sortedSet(keyType, valueType);
    }

    @Override
    default <K, V> BlockingStreamCommands<K, V> stream(TypeRef<K> keyType, TypeRef<V> valueType) {
        return TypedCommands.blocking(this).stream(keyType, valueType);
    }

    @Override
    default <K, V> BlockingHyperLogLogCommands<K, V> hyperLogLog(TypeRef<K> keyType, TypeRef<V> valueType) {
        return TypedCommands.blocking(this).hyperLogLog(keyType, valueType);
    }

    @Override
    default <K> BlockingBitmapCommands<K> bitmap(TypeRef<K> keyType) {
        return TypedCommands.blocking(this).bitmap(keyType);
    }

    @Override
    default <K, V> BlockingGeoCommands<K, V> geo(TypeRef<K> keyType, TypeRef<V> valueType) {
        return TypedCommands.blocking(this).geo(keyType, valueType);
    }

    /** {@link RedisClient#transaction(Consumer)}, waiting for its results. */
    default CommandResults transaction(Consumer<RedisCommands> commands) {
        TypedCommands.checkThread();
        return TypedCommands.await(this, async().transaction(commands), 4);
    }

    /**
     * {@link RedisClient#transaction(List, int, Function, BiConsumer)}, waiting for its results. {@code read} is
     * asynchronous as there: it returns the stage of its reads, made with the commands it is given.
     */
    default <I> CommandResults transaction(List<String> watchedKeys, int maxAttempts, Function<RedisCommands, ? extends CompletionStage<I>> read,
            BiConsumer<I, RedisCommands> write) {
        TypedCommands.checkThread();
        return TypedCommands.await(this, async().transaction(watchedKeys, maxAttempts, read, write), 2 + 5 * Math.max(1, maxAttempts));
    }

    /** {@link RedisClient#pipeline(Consumer)}, waiting for its results. */
    default CommandResults pipeline(Consumer<RedisCommands> commands) {
        TypedCommands.checkThread();
        return TypedCommands.await(this, async().pipeline(commands), 1);
    }

    /** {@link RedisClient#eval}, waiting for its result. */
    default <T> T eval(RedisScript script, ReplyType<T> replyType, List<String> keys, Object... args) {
        TypedCommands.checkThread();
        return TypedCommands.await(this, async().eval(script, replyType, keys, args), 2);
    }
}
