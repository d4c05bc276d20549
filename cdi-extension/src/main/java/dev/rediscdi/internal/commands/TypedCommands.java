package dev.rediscdi.internal.commands;

import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.WeakHashMap;
import java.util.concurrent.CompletionStage;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.Function;

import dev.rediscdi.BlockingRedisClient;
import dev.rediscdi.BlockingRedisCommands;
import dev.rediscdi.CommandResults;
import dev.rediscdi.RedisClient;
import dev.rediscdi.RedisCommands;
import dev.rediscdi.RedisScript;
import dev.rediscdi.ReplyType;
import dev.rediscdi.internal.client.DefaultRedisClient;
import dev.rediscdi.internal.client.LibraryClient;
import dev.rediscdi.internal.codec.Codecs;

/** Where the default methods of {@link RedisClient} and {@link BlockingRedisClient} find their implementation. */
public final class TypedCommands {
    private static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);
    /** For implementations of RedisClient other than this library's: one set of codecs each, dropped with the client. */
    private static final Map<RedisClient, TypedSupport> OTHERS = Collections.synchronizedMap(new WeakHashMap<>());

    private TypedCommands() {
    }

    /** The command groups of a client, sending through it. */
    public static RedisCommands of(RedisClient client) {
        ClientSink sink = client instanceof LibraryClient library ? new ClientSink(library) : new ClientSink(client::send);
        return new Groups(sink, support(client).codecs());
    }

    /** The blocking command groups of a client. */
    public static BlockingRedisCommands blocking(BlockingRedisClient client) {
        RedisClient async = client.async();
        return new BlockingGroups(of(async), new Await(support(async).label(), support(async).timeout()));
    }

    public static CompletionStage<CommandResults> pipeline(RedisClient client, Consumer<RedisCommands> commands) {
        return Pipelines.run(client, support(client), required(commands));
    }

    public static <I> CompletionStage<CommandResults> transaction(RedisClient client, List<String> watched, int maxAttempts,
            Function<RedisCommands, ? extends CompletionStage<I>> read, BiConsumer<I, RedisCommands> write) {
        return Transactions.run(client, support(client), watched, maxAttempts, read, write);
    }

    public static <T> CompletionStage<T> eval(RedisClient client, RedisScript script, ReplyType<T> replyType, List<String> keys, Object... args) {
        return Scripts.eval(client, support(client).label(), script, replyType, keys, args);
    }

    /** Waits for the stage of a blocking call made of several round trips: each has its own deadline, this is a safety net. */
    public static <T> T await(BlockingRedisClient client, CompletionStage<T> stage, int roundTrips) {
        Duration timeout = support(client.async()).timeout();
        return new Await(support(client.async()).label(), timeout).result(stage, timeout.multipliedBy(Math.max(1, roundTrips)).plus(Await.SWEEP_MARGIN));
    }

    /** Refuses event-loop threads before anything is sent. */
    public static void checkThread() {
        Await.checkThread();
    }

    private static <T> T required(T commands) {
        if (commands == null) {
            throw new IllegalArgumentException("commands are null: give a function that queues them");
        }
        return commands;
    }

    private static TypedSupport support(RedisClient client) {
        DefaultRedisClient library = DefaultRedisClient.unwrap(client);
        if (library != null) {
            TypedSupport support = library.typedSupport();
            if (support != null) {
                return support;
            }
        }
        return OTHERS.computeIfAbsent(client, other -> {
            String label = "Redis client '" + other.name() + "'";
            return new TypedSupport(Codecs.standard(label), DEFAULT_TIMEOUT, label);
        });
    }
}
