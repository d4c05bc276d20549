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
 * An asynchronous Redis client, configured by {@code redis.*} (or {@code redis.<name>.*}) properties and
 * injected with {@code @Inject RedisClient redis} (or {@code @Inject @NamedRedisClient("name")}).
 *
 * <p>Ordinary commands are pipelined over a few long-lived connections (property {@code connections}),
 * which the client reopens by itself after Redis restarts: thousands of concurrent callers share them
 * without waiting for a pooled connection. Blocking commands ({@code BLPOP}, {@code XREAD BLOCK}...) run
 * on connections of their own ({@code max-blocking-connections}), subscriptions on a dedicated connection.
 *
 * <p>Every command, except the blocking ones, fails with {@link RedisTimeoutException} when no reply came
 * within {@code timeout}. Failures are {@link RedisException}s that tell whether the command may have run
 * ({@link RedisException#isSafeToRetry()}). A command that was never sent is retried, an idempotent one also
 * after a lost connection, and a circuit breaker fails calls fast while Redis is down (properties
 * {@code retry.*} and {@code circuit-breaker.*}).
 * Continuations of the stages it returns never run on the client's event loops: on the caller's Vert.x context
 * when registered on one, else on the client's own worker threads ({@code redis-continuation-N}), with the
 * registering thread's class loader and (on Weld) request context. A thread that waits on a stage is woken directly.
 *
 * <p>Connection-state commands are refused with an {@link IllegalArgumentException} that names the
 * alternative: {@code SELECT} (put the database in the URI), {@code AUTH}/{@code HELLO} (use the
 * properties), {@code SUBSCRIBE} and friends (use {@link #subscribe}, {@link #psubscribe}, {@link #ssubscribe}), {@code MULTI}/{@code WATCH} and
 * {@code WAIT} (they need a connection of their own: use {@link #withConnection}).
 *
 * <p>Typed commands: {@code redis.value(Order.class).get("order:42")}, {@code redis.hash(..)}, {@code redis.sortedSet(..)}
 * and the other groups of {@link RedisCommands}; {@link #transaction}, {@link #pipeline} and {@link #eval} for
 * transactions, pipelines and Lua scripts.
 */
public interface RedisClient extends RedisCommands {

    /** The client's name, or {@link RedisOptionsCustomizer#DEFAULT_CLIENT} for the default client. */
    String name();

    /**
     * Sends any command, modules included.
     *
     * @param command the command name, such as {@code "SET"} or {@code "JSON.GET"}
     * @param args {@code String} (UTF-8), {@code byte[]}, {@link io.vertx.core.buffer.Buffer}, any {@link Number}
     *        or {@code Boolean}; {@code null} is refused
     * @return the reply; {@code null} for a nil reply
     */
    CompletionStage<Response> send(String command, Object... args);

    /** Sends any command and converts the reply, for example {@code execute(ReplyType.LONG, "INCR", "n")}. */
    <T> CompletionStage<T> execute(ReplyType<T> replyType, String command, Object... args);

    /** Sends a request built with the driver's {@link Request} API. */
    CompletionStage<Response> send(Request request);

    /**
     * Writes the requests at once and completes with their replies in order, within the same {@code timeout} as
     * a single command. A batch rides a pipelined connection, behind the commands the caller sent before it, so
     * that any number of concurrent batches run without a pool error. If Redis refuses any of them, the stage fails with a
     * {@link RedisReplyException} that lists the refused commands; the others ran, but their replies are not
     * returned (a limit of the driver 4.5). A batch takes one pipelining slot per command, so it may hold at most
     * {@code max-waiting-handlers} commands.
     */
    CompletionStage<List<Response>> batch(List<Request> requests);

    /**
     * Subscribes to channels; the stage completes once Redis confirmed every channel. If Redis cannot be reached
     * or does not confirm within {@code timeout}, the stage fails and nothing stays subscribed: subscribe again.
     * Once confirmed, the subscription survives lost connections (see {@link SubscriptionListener}).
     */
    CompletionStage<Subscription> subscribe(SubscriptionListener listener, String... channels);

    /** Subscribes to glob patterns ({@code PSUBSCRIBE}); the stage completes once Redis confirmed them, as {@link #subscribe}. */
    CompletionStage<Subscription> psubscribe(SubscriptionListener listener, String... patterns);

    /**
     * Subscribes to shard channels ({@code SSUBSCRIBE}, Redis 7), published with {@code send("SPUBLISH", channel, message)}.
     * The stage completes once Redis confirmed every channel; if Redis cannot be reached or does not confirm within
     * {@code timeout}, it fails and nothing stays subscribed, as for {@link #subscribe}.
     *
     * <p>On a cluster a shard channel lives in the hash slot of its name (or of its hash tag, {@code {orders}.eu}), and
     * only that slot's primary and its replicas carry its messages, where a {@code PUBLISH} goes to every node: this is
     * how pub/sub scales on a cluster. The client subscribes each channel on the primary serving its slot, over one
     * subscription connection per such node. When the slot moves to another primary (resharding, a failover), Redis
     * ends the subscription there; the client subscribes again on the new owner and the listener hears
     * {@link SubscriptionListener#onConnectionLost} then {@link SubscriptionListener#onResubscribed}, once per gap
     * however many of the subscription's channels it touched. Messages published in between are lost. Elsewhere
     * (standalone, Sentinel, replication) shard channels share the one subscription connection with channels and
     * patterns, and survive reconnections alike.
     *
     * <p>Shard channels are a namespace of their own: {@code PUBLISH news} does not reach {@code ssubscribe(.., "news")}.
     * Their messages reach the listener as {@link RedisMessage}s with a {@code null} pattern, like a channel's; a listener
     * that must tell them apart is given to {@code ssubscribe} alone ({@link Subscription#sharded()} says which kind a
     * subscription is).
     */
    CompletionStage<Subscription> ssubscribe(SubscriptionListener listener, String... shardChannels);

    /**
     * Runs {@code work} on a connection of its own, leased from the pool, and gives it back when the stage that
     * {@code work} returns completes. For commands that must share a connection:
     *
     * <pre>{@code
     * redis.withConnection(connection -> connection.send("SET", "order:1", "paid")
     *         .thenCompose(ok -> connection.execute(ReplyType.LONG, "WAIT", 1, 500)))   // replicas that have the write
     * }</pre>
     *
     * A transaction left open ({@code MULTI} without {@code EXEC}) is discarded and a {@code WATCH} is undone
     * before the connection goes back; after a failed or timed-out command the connection is closed instead,
     * so that a late reply can never reach the next user.
     */
    <T> CompletionStage<T> withConnection(java.util.function.Function<ScopedConnection, ? extends CompletionStage<T>> work);

    /** The blocking view of this client, with the same connections and timeout. */
    BlockingRedisClient blocking();

    /**
     * This client, except that its retries treat every command sent through the view as idempotent: after a lost
     * connection (or a timeout, if {@code retry-on} names {@link RedisTimeoutException}) an {@code INCR},
     * {@code LPUSH} or {@code XADD} is sent again too, and may then run twice. For commands whose repetition the
     * application tolerates; {@code retry.non-idempotent=true} does the same for every command of the client.
     */
    RedisClient assumingIdempotent();

    @Override
    default <K, V> ValueCommands<K, V> value(TypeRef<K> keyType, TypeRef<V> valueType) {
        return TypedCommands.of(this).value(keyType, valueType);
    }

    @Override
    default <K> KeyCommands<K> keys(TypeRef<K> keyType) {
        return TypedCommands.of(this).keys(keyType);
    }

    @Override
    default <K, V> HashCommands<K, V> hash(TypeRef<K> keyType, TypeRef<V> valueType) {
        return TypedCommands.of(this).hash(keyType, valueType);
    }

    @Override
    default <K, V> ListCommands<K, V> list(TypeRef<K> keyType, TypeRef<V> valueType) {
        return TypedCommands.of(this).list(keyType, valueType);
    }

    @Override
    default <K, V> SetCommands<K, V> set(TypeRef<K> keyType, TypeRef<V> valueType) {
        return TypedCommands.of(this).set(keyType, valueType);
    }

    @Override
    default <K, V> SortedSetCommands<K, V> sortedSet(TypeRef<K> keyType, TypeRef<V> valueType) {
        return TypedCommands.of(this).sortedSet(keyType, valueType);
    }

    @Override
    default <K, V> StreamCommands<K, V> stream(TypeRef<K> keyType, TypeRef<V> valueType) {
        return TypedCommands.of(this).stream(keyType, valueType);
    }

    @Override
    default <K, V> HyperLogLogCommands<K, V> hyperLogLog(TypeRef<K> keyType, TypeRef<V> valueType) {
        return TypedCommands.of(this).hyperLogLog(keyType, valueType);
    }

    @Override
    default <K> BitmapCommands<K> bitmap(TypeRef<K> keyType) {
        return TypedCommands.of(this).bitmap(keyType);
    }

    @Override
    default <K, V> GeoCommands<K, V> geo(TypeRef<K> keyType, TypeRef<V> valueType) {
        return TypedCommands.of(this).geo(keyType, valueType);
    }

    /**
     * Runs the commands queued by {@code commands} as one transaction ({@code MULTI}/{@code EXEC}) on a connection of
     * its own. The stages the queued commands answer complete once {@code EXEC} answered.
     *
     * <pre>{@code
     * redis.transaction(tx -> {
     *     tx.value(Long.class).incr("orders:count");
     *     tx.list(Order.class).lpush("orders:recent", order);
     * });
     * }</pre>
     *
     * @return every command's result or error (an error of one command does not undo the others: Redis has no
     *         rollback); fails with a {@link RedisReplyException} coded {@code EXECABORT}, nothing having run, if Redis
     *         refused to queue a command (a wrong number of arguments...)
     */
    default CompletionStage<CommandResults> transaction(Consumer<RedisCommands> commands) {
        if (commands == null) {
            throw new IllegalArgumentException("commands are null: give a function that queues them");
        }
        return TypedCommands.transaction(this, List.of(), 1, null, (none, tx) -> commands.accept(tx));
    }

    /**
     * An optimistic transaction: {@code WATCH}es the keys, runs {@code read} (on the transaction's connection), then
     * {@code write} with what it read, inside {@code MULTI}/{@code EXEC}. If a watched key changed in between, nothing
     * is written and everything runs again, up to {@code maxAttempts} times in all; then the stage fails with
     * {@link RedisTransactionConflictException}.
     *
     * <pre>{@code
     * redis.transaction(List.of("stock:42"), 5,
     *         reads -> reads.value(Long.class).get("stock:42"),
     *         (stock, tx) -> tx.value(Long.class).set("stock:42", stock - 1));
     * }</pre>
     */
    default <I> CompletionStage<CommandResults> transaction(List<String> watchedKeys, int maxAttempts,
            Function<RedisCommands, ? extends CompletionStage<I>> read, BiConsumer<I, RedisCommands> write) {
        if (watchedKeys == null || read == null) {
            throw new IllegalArgumentException("watchedKeys and read are required: give the keys to WATCH and the reads that decide the writes");
        }
        return TypedCommands.transaction(this, watchedKeys, maxAttempts, read, write);
    }

    /**
     * Sends the commands queued by {@code commands} together, in order, on one connection, and completes with each
     * one's own result or error: a refused command does not lose the replies of the others (unlike
     * {@link #batch(List)}). Not atomic: other clients' commands may run in between. The queued commands'
     * stages complete too. At most {@code max-waiting-handlers} commands per pipeline.
     */
    default CompletionStage<CommandResults> pipeline(Consumer<RedisCommands> commands) {
        return TypedCommands.pipeline(this, commands);
    }

    /**
     * Runs a Lua script by its digest ({@code EVALSHA}), sending its source only when Redis does not know it
     * ({@code NOSCRIPT}).
     *
     * @param keys the keys the script touches ({@code KEYS[1..]}), so that a cluster routes it
     * @param args the other arguments ({@code ARGV[1..]}), as for {@link #send(String, Object...)}
     */
    @Override
    default <T> CompletionStage<T> eval(RedisScript script, ReplyType<T> replyType, List<String> keys, Object... args) {
        return TypedCommands.eval(this, script, replyType, keys, args);
    }
}
