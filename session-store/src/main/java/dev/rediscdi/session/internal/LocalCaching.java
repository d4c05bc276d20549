package dev.rediscdi.session.internal;

import java.util.Optional;
import java.util.logging.Logger;

import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.spi.CDI;

import org.eclipse.microprofile.config.ConfigProvider;

import dev.rediscdi.RedisOptionsCustomizer;
import dev.rediscdi.internal.config.ClientConfig;
import dev.rediscdi.internal.config.ClientConfigReader;
import dev.rediscdi.internal.config.ConfigProblems;
import dev.rediscdi.internal.config.RedisOptionsFactory;
import io.vertx.redis.client.RedisClientType;
import io.vertx.redis.client.RedisOptions;

/**
 * Decides whether sessions are cached locally ({@code redis-session.local-cache}) and, if so, prepares the
 * invalidation connection with the options of the very client that stores the sessions: the same
 * {@code redis.*} properties and {@link RedisOptionsCustomizer}s (the public client offers no connection that
 * could receive Redis' push messages).
 */
final class LocalCaching {
    private static final Logger LOG = Logger.getLogger(LocalCaching.class.getName());

    private LocalCaching() {
    }

    /** The configuration of the client that stores the sessions (already checked by the extension). */
    static ClientConfig clientConfig(SessionSettings settings, ClassLoader classLoader) {
        return new ClientConfigReader(ConfigProvider.getConfig(classLoader), new ConfigProblems()).read(settings.client().orElse(null));
    }

    /** The listener that keeps {@code cache} fresh, or none: caching off, or a topology it does not support. */
    static Optional<InvalidationListener> listener(SessionSettings settings, ClientConfig client, SessionCache cache) {
        if (settings.localCache() == LocalCache.OFF) {
            return Optional.empty();
        }
        if (client.clientType() != RedisClientType.STANDALONE) {
            LOG.info(() -> "Session cache is off: " + client.prefix() + " is a " + client.clientType().name().toLowerCase()
                    + " client and redis-session.local-cache=tracking supports a standalone Redis only; sessions are read from Redis on every request");
            return Optional.empty();
        }
        RedisOptions options = RedisOptionsFactory.create(client);
        String customizerName = settings.client().orElse(RedisOptionsCustomizer.DEFAULT_CLIENT);
        Instance<RedisOptionsCustomizer> customizers = CDI.current().select(RedisOptionsCustomizer.class);
        for (RedisOptionsCustomizer customizer : customizers) {
            customizer.customize(customizerName, options);
        }
        return Optional.of(new InvalidationListener(cache, new SessionKeys(settings.keyPrefix()).sessionPrefix(), options, client.prefix()));
    }
}
