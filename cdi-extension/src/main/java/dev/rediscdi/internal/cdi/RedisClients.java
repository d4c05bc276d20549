package dev.rediscdi.internal.cdi;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

import jakarta.enterprise.inject.Instance;

import dev.rediscdi.RedisClient;
import dev.rediscdi.RedisOptionsCustomizer;
import dev.rediscdi.internal.client.DefaultRedisClient;
import dev.rediscdi.internal.client.VertxThreadRedis;
import dev.rediscdi.internal.codec.CdiCodecs;
import dev.rediscdi.internal.codec.Codecs;
import dev.rediscdi.internal.commands.TypedSupport;
import dev.rediscdi.internal.config.ClientConfig;
import dev.rediscdi.internal.context.Continuations;
import dev.rediscdi.internal.config.RedisOptionsFactory;
import io.vertx.core.Vertx;
import io.vertx.redis.client.Redis;
import io.vertx.redis.client.RedisAPI;
import io.vertx.redis.client.RedisOptions;

/**
 * Owns every client of one container: the driver clients, their connections and, when the application has
 * no {@link Vertx} bean of its own, the Vert.x instance. Closing it leaves no connection and no thread behind.
 */
public final class RedisClients {
    /** The key of the default client in {@link #configs}. */
    static final String DEFAULT = "";
    private static final Logger LOG = Logger.getLogger(RedisClients.class.getName());
    private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(10);

    private final Map<String, ClientConfig> configs;
    private final Vertx vertx;
    private final boolean ownsVertx;
    private final List<RedisOptionsCustomizer> customizers;
    private final Continuations continuations;
    private final Map<String, Clients> clients = new ConcurrentHashMap<>();
    private volatile Instance<Object> codecLookup;
    private volatile boolean closed;

    RedisClients(Map<String, ClientConfig> configs, Vertx vertx, boolean ownsVertx, List<RedisOptionsCustomizer> customizers,
            Continuations continuations) {
        this.configs = Map.copyOf(configs);
        this.vertx = vertx;
        this.ownsVertx = ownsVertx;
        this.customizers = List.copyOf(customizers);
        this.continuations = continuations;
    }

    /** The driver and the library client of one name, created on first use. */
    record Clients(Redis redis, RedisAPI api, DefaultRedisClient client) {
    }

    /** Subscribes every client whose configuration names {@code events.channels}, {@code events.patterns} or {@code events.shard-channels}. */
    void subscribeEvents(jakarta.enterprise.event.Event<Object> events) {
        configs.forEach((name, config) -> {
            if (config.firesEvents()) {
                MessageEvents.subscribe(name, config, get(name).client(), continuations, events);
            }
        });
    }

    /** The client of one name: {@link #DEFAULT} or the name of a named client. */
    public RedisClient client(String name) {
        return get(name).client();
    }

    /** Where the clients find the application's codec and JSON-B beans. */
    void codecLookup(Instance<Object> lookup) {
        this.codecLookup = lookup;
    }

    Clients get(String name) {
        if (closed) {
            throw new IllegalStateException("the Redis clients are closed: the container is shutting down");
        }
        return clients.computeIfAbsent(name, this::create);
    }

    private Clients create(String name) {
        ClientConfig config = configs.get(name);
        if (config == null) {
            throw new IllegalStateException("no Redis client is configured under "
                    + (name.equals(DEFAULT) ? "redis.hosts" : "redis." + name + ".hosts"));
        }
        RedisOptions options = RedisOptionsFactory.create(config);
        String customizerName = name.equals(DEFAULT) ? RedisOptionsCustomizer.DEFAULT_CLIENT : name;
        for (RedisOptionsCustomizer customizer : customizers) {
            customizer.customize(customizerName, options);
        }
        String label = "Redis client '" + config.prefix() + "'";
        // the injectable Redis and RedisAPI too: an application calling them on its own threads must find no Netty state left there
        VertxThreadRedis redis = VertxThreadRedis.create(vertx, options, label);
        // blocking commands get a driver client of their own, whose pool serves nothing else; callers wait in the
        // client's own line, and the driver's cluster client refuses a wait queue shorter than its pool
        VertxThreadRedis blockingCommands = VertxThreadRedis.create(vertx, new RedisOptions(options).setMaxPoolSize(config.maxBlockingConnections())
                .setMaxPoolWaiting(Math.max(options.getMaxPoolWaiting(), config.maxBlockingConnections())), label);
        DefaultRedisClient client = new DefaultRedisClient(customizerName, config, options, redis, blockingCommands, vertx, continuations);
        Codecs codecs = codecLookup == null ? Codecs.standard(label) : CdiCodecs.of(codecLookup, customizerName, label);
        client.typedSupport(new TypedSupport(codecs, config.longestCall(), label));
        LOG.info(() -> "Redis client '" + config.prefix() + "': " + config.clientType().name().toLowerCase() + " " + config.endpoints()
                + (config.username() != null ? " as user " + config.username() : ""));
        return new Clients(redis, RedisAPI.api(redis), client);
    }

    void close() {
        closed = true;
        for (Clients each : clients.values()) {
            try {
                each.client().close();
                each.client().typedSupport().codecs().close();
                each.redis().close();
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "closing a Redis client failed", e);
            }
        }
        clients.clear();
        continuations.close();
        if (ownsVertx) {
            try {
                vertx.close().toCompletionStage().toCompletableFuture().get(CLOSE_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (Exception e) {
                LOG.log(Level.WARNING, "closing the Vert.x instance of the Redis clients failed", e);
            }
        }
    }
}
