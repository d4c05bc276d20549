package dev.rediscdi.internal.config;

import java.time.Duration;
import java.util.List;

import io.vertx.redis.client.ProtocolVersion;
import io.vertx.redis.client.RedisClientType;
import io.vertx.redis.client.RedisReplicas;
import io.vertx.redis.client.RedisRole;

/** One client's validated configuration. The password is never shown by {@link #toString()}. */
public record ClientConfig(
        String name,
        List<Endpoint> endpoints,
        RedisClientType clientType,
        String masterName,
        RedisRole role,
        RedisReplicas replicas,
        boolean autoFailover,
        String username,
        String password,
        String clientName,
        ProtocolVersion protocol,
        Duration timeout,
        Duration connectTimeout,
        int connections,
        int maxWaitingHandlers,
        int maxQueuedCommands,
        int maxPoolSize,
        int maxPoolWaiting,
        int maxBlockingConnections,
        Duration poolRecycleTimeout,
        Duration poolCleanerInterval,
        Duration hashSlotCacheTtl,
        Duration reconnectDelay,
        Duration reconnectMaxDelay,
        TlsConfig tls,
        FaultToleranceConfig faultTolerance,
        List<String> eventChannels,
        List<String> eventPatterns,
        List<String> eventShardChannels) {

    /** Whether the client subscribes at start-up to fire messages as CDI events ({@code events.*}). */
    public boolean firesEvents() {
        return !eventChannels.isEmpty() || !eventPatterns.isEmpty() || !eventShardChannels.isEmpty();
    }

    /**
     * How long one call may take until its stage completes: {@code timeout} for each attempt, and when retries are on,
     * retries that start up to {@code retry.max-duration} after the first attempt. The blocking client waits that long.
     */
    public Duration longestCall() {
        FaultToleranceConfig.Retry retry = faultTolerance == null ? null : faultTolerance.retry();
        return retry == null ? timeout : timeout.plus(retry.maxDuration());
    }

    /** {@code redis} for the default client, {@code redis.<name>} for a named one. */
    public String prefix() {
        return name == null ? "redis" : "redis." + name;
    }

    @Override
    public String toString() {
        return "ClientConfig[" + prefix() + ", endpoints=" + endpoints + ", clientType=" + clientType + ", username=" + username
                + ", password=" + (password == null ? "<none>" : "***") + ", protocol=" + protocol + ", timeout=" + timeout
                + ", connections=" + connections + ", tls=" + tls + "]";
    }
}
