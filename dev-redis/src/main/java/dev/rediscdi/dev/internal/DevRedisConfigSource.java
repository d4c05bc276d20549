package dev.rediscdi.dev.internal;

import java.util.Map;
import java.util.Set;

import org.eclipse.microprofile.config.spi.ConfigSource;

import dev.rediscdi.dev.DevRedis;

/**
 * Answers {@code redis.hosts} with the local Redis, started on the first read of the value (listing the name
 * starts nothing). Ranked below every other source, so it is only asked when none of them has the key.
 */
final class DevRedisConfigSource implements ConfigSource {

    @Override
    public Set<String> getPropertyNames() {
        return Set.of(DevRedis.HOSTS);
    }

    @Override
    public Map<String, String> getProperties() {
        return Map.of(DevRedis.HOSTS, LocalRedis.uri());
    }

    @Override
    public String getValue(String propertyName) {
        return DevRedis.HOSTS.equals(propertyName) ? LocalRedis.uri() : null;
    }

    @Override
    public int getOrdinal() {
        return DevRedis.ORDINAL;
    }

    @Override
    public String getName() {
        return "DevRedisConfigSource[" + DevRedis.ENABLED + "=true]";
    }
}
