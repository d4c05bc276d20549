package dev.rediscdi.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.jboss.weld.environment.se.Weld;
import org.jboss.weld.environment.se.WeldContainer;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

import dev.rediscdi.BlockingRedisClient;
import dev.rediscdi.RedisClient;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.Redis;
import io.vertx.redis.client.RedisAPI;
import io.vertx.redis.client.RedisConnection;
import io.vertx.redis.client.RedisOptions;
import io.vertx.redis.client.Request;
import redis.clients.jedis.ConnectionPoolConfig;

/**
 * One JMH state per client, so that a benchmark starts only the client it measures. Every state writes the
 * {@link Data} keys first (the same values each time).
 */
public final class Clients {
    private Clients() {
    }

    /** Waits for a Vert.x future from a benchmark thread. */
    public static <T> T await(Future<T> future) {
        return future.toCompletionStage().toCompletableFuture().join();
    }

    static List<Request> preloadRequests() {
        List<Request> sets = new ArrayList<>(Data.KEYS);
        for (int i = 0; i < Data.KEYS; i++) {
            sets.add(Request.cmd(Command.SET).arg(Data.key(i)).arg(Data.VALUE));
        }
        return sets;
    }

    /**
     * This library, obtained the way an application gets it: MicroProfile Config ({@code redis.hosts} as a system
     * property, read by SmallRye Config) and a Weld SE container that runs the Build Compatible Extension found
     * through its META-INF/services file. Defaults otherwise: one pipelined connection.
     */
    @State(Scope.Benchmark)
    public static class Cdi {
        public WeldContainer container;
        public RedisClient client;
        public BlockingRedisClient blocking;

        @Setup(Level.Trial)
        public void boot() {
            System.setProperty("redis.hosts", Data.uri());
            container = new Weld()
                    .disableDiscovery()
                    .addBeanClass(App.class)
                    .property(Weld.SHUTDOWN_HOOK_SYSTEM_PROPERTY, false)
                    .initialize();
            client = container.select(RedisClient.class).get();
            blocking = container.select(BlockingRedisClient.class).get();
            blocking.batch(preloadRequests());
        }

        @TearDown(Level.Trial)
        public void shutdown() {
            container.shutdown();
        }
    }

    /** The raw driver with its defaults: every {@code send} borrows a pooled connection until the reply. */
    @State(Scope.Benchmark)
    public static class RawPooled {
        public Vertx vertx;
        public Redis redis;
        public RedisAPI api;

        @Setup(Level.Trial)
        public void start() {
            vertx = Vertx.vertx();
            redis = Redis.createClient(vertx, new RedisOptions().setConnectionString(Data.uri()));
            api = RedisAPI.api(redis);
            await(redis.batch(preloadRequests()));
        }

        @TearDown(Level.Trial)
        public void stop() {
            redis.close();
            vertx.close().toCompletionStage().toCompletableFuture().orTimeout(10, TimeUnit.SECONDS).join();
        }
    }

    /** The raw driver on one connection, opened once and shared by every thread (the driver pipelines on it). */
    @State(Scope.Benchmark)
    public static class RawShared {
        public Vertx vertx;
        public Redis redis;
        public RedisConnection connection;
        public RedisAPI api;

        @Setup(Level.Trial)
        public void start() {
            vertx = Vertx.vertx();
            redis = Redis.createClient(vertx, new RedisOptions().setConnectionString(Data.uri()));
            connection = await(redis.connect());
            api = RedisAPI.api(connection);
            await(connection.batch(preloadRequests()));
        }

        @TearDown(Level.Trial)
        public void stop() {
            connection.close();
            redis.close();
            vertx.close().toCompletionStage().toCompletableFuture().orTimeout(10, TimeUnit.SECONDS).join();
        }
    }

    /**
     * Jedis 8's pooled client ({@code redis.clients.jedis.RedisClient}, formerly {@code JedisPooled}). Jedis blocks a
     * connection per call, so the pool holds {@link Data#CONCURRENCY} connections: one per benchmark thread, as a
     * Jedis application would size it (the default, 8, would make 56 of 64 threads wait for the pool).
     */
    @State(Scope.Benchmark)
    public static class Jedis {
        public redis.clients.jedis.RedisClient client;

        @Setup(Level.Trial)
        public void start() {
            ConnectionPoolConfig pool = new ConnectionPoolConfig();
            pool.setMaxTotal(Data.CONCURRENCY);
            pool.setMaxIdle(Data.CONCURRENCY);
            client = redis.clients.jedis.RedisClient.builder()
                    .hostAndPort(Data.host(), Data.port())
                    .poolConfig(pool)
                    .build();
            try (var pipeline = client.pipelined()) {
                for (int i = 0; i < Data.KEYS; i++) {
                    pipeline.set(Data.key(i), Data.VALUE);
                }
                pipeline.sync();
            }
        }

        @TearDown(Level.Trial)
        public void stop() {
            client.close();
        }
    }
}
