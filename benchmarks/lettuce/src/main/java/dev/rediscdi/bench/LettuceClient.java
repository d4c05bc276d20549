package dev.rediscdi.bench;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

import io.lettuce.core.LettuceFutures;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisFuture;
import io.lettuce.core.RedisURI;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.async.RedisAsyncCommands;

/**
 * Lettuce with its defaults: one thread-safe connection shared by every thread (Lettuce's recommended use),
 * String keys and values (StringCodec.UTF8). Batches get a connection of their own with auto-flush off
 * ({@link #batch}), Lettuce's documented way to pipeline.
 */
@State(Scope.Benchmark)
public class LettuceClient {
    public RedisClient client;
    public StatefulRedisConnection<String, String> connection;
    public RedisAsyncCommands<String, String> async;
    private StatefulRedisConnection<String, String> batchConnection;

    @Setup(Level.Trial)
    public void start() {
        client = RedisClient.create(RedisURI.create(Data.host(), Data.port()));
        connection = client.connect();
        async = connection.async();
        connection.setAutoFlushCommands(false);
        RedisFuture<?>[] sets = new RedisFuture<?>[Data.KEYS];
        for (int i = 0; i < Data.KEYS; i++) {
            sets[i] = async.set(Data.key(i), Data.VALUE);
        }
        connection.flushCommands();
        connection.setAutoFlushCommands(true);
        if (!LettuceFutures.awaitAll(Duration.ofSeconds(10), sets)) {
            throw new IllegalStateException("preloading the keys timed out");
        }
    }

    /** The connection for batches, opened on first use: manual flushing is per connection. */
    public synchronized StatefulRedisConnection<String, String> batch() {
        if (batchConnection == null) {
            batchConnection = client.connect();
            batchConnection.setAutoFlushCommands(false);
        }
        return batchConnection;
    }

    @TearDown(Level.Trial)
    public void stop() {
        if (batchConnection != null) {
            batchConnection.close();
        }
        connection.close();
        client.shutdown(0, 10, TimeUnit.SECONDS);
    }
}
