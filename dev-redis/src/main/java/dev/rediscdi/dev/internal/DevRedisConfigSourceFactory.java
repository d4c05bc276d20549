package dev.rediscdi.dev.internal;

import java.util.List;
import java.util.Locale;

import org.eclipse.microprofile.config.spi.ConfigSource;

import dev.rediscdi.dev.DevRedis;
import io.smallrye.config.ConfigSourceContext;
import io.smallrye.config.ConfigSourceFactory;
import io.smallrye.config.ConfigValue;

/**
 * Adds {@link DevRedisConfigSource} when {@code redis-dev.enabled=true} and no other source gives {@code redis.hosts}.
 * A SmallRye factory rather than a plain source: deciding needs other configuration values, profiles included,
 * which a plain MicroProfile source cannot read while the configuration is being built.
 */
public final class DevRedisConfigSourceFactory implements ConfigSourceFactory {

    @Override
    public Iterable<ConfigSource> getConfigSources(ConfigSourceContext context) {
        if (!enabled(context.getValue(DevRedis.ENABLED)) || hasValue(context.getValue(DevRedis.HOSTS))) {
            return List.of();
        }
        return List.of(new DevRedisConfigSource());
    }

    static boolean enabled(ConfigValue flag) {
        String value = flag == null || flag.getValue() == null ? "" : flag.getValue().trim();
        return switch (value.toLowerCase(Locale.ROOT)) {
            case "", "false" -> false;
            case "true" -> true;
            default -> throw new IllegalArgumentException(DevRedis.ENABLED + "=\"" + value + "\" (from "
                    + flag.getSourceName() + ") is not a boolean. Fix: set " + DevRedis.ENABLED
                    + "=true to start a local redis-server when redis.hosts is not set (development and tests only),"
                    + " or false (the default)");
        };
    }

    private static boolean hasValue(ConfigValue hosts) {
        return hosts != null && hosts.getValue() != null && !hosts.getValue().isBlank();
    }
}
