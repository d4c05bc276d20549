package dev.rediscdi.dev.internal;

import java.util.Map;
import java.util.Set;

import org.eclipse.microprofile.config.spi.ConfigSource;

import dev.rediscdi.dev.DevRedis;

/**
 * Answers {@code redis.hosts} with the local Redis, started on the first read of the value. Ranked below every
 * other source, so it is only asked when none of them has the key.
 *
 * <p>It lists no property name: a Quarkus build copies the value of every listed property into the application as
 * a run-time default, which would pin the address of a server gone with the build. Inside a Quarkus build it
 * answers {@link #BUILD_TIME_PLACEHOLDER}, enough for the extension to know the default client exists.
 */
final class DevRedisConfigSource implements ConfigSource {

    /** What a Quarkus build reads; never connected to (the {@code .invalid} domain never resolves). */
    static final String BUILD_TIME_PLACEHOLDER = "redis://redis-dev.invalid:1";

    @Override
    public Set<String> getPropertyNames() {
        return Set.of();
    }

    @Override
    public Map<String, String> getProperties() {
        return Map.of();
    }

    @Override
    public String getValue(String propertyName) {
        if (!DevRedis.HOSTS.equals(propertyName)) {
            return null;
        }
        return QuarkusBuild.isRunning() ? BUILD_TIME_PLACEHOLDER : LocalRedis.uri();
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
