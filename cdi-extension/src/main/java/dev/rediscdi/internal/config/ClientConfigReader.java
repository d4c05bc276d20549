package dev.rediscdi.internal.config;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.eclipse.microprofile.config.Config;

import io.vertx.redis.client.ProtocolVersion;
import io.vertx.redis.client.RedisClientType;
import io.vertx.redis.client.RedisReplicas;
import io.vertx.redis.client.RedisRole;

/**
 * Reads and validates one client's properties. Every problem goes to {@link ConfigProblems} with the exact
 * key, the value (never for secrets) and the fix; reading goes on so that all problems are reported at once.
 */
public final class ClientConfigReader {
    private static final int MAX_CONNECTIONS = 64;
    /** MicroProfile Fault Tolerance's switch for all strategies but fallback. */
    static final String NON_FALLBACK_ENABLED = "MP_Fault_Tolerance_NonFallback_Enabled";

    private final Config config;
    private final ConfigProblems problems;

    public ClientConfigReader(Config config, ConfigProblems problems) {
        this.config = config;
        this.problems = problems;
    }

    /** Reads the client {@code name}, {@code null} for the default client. */
    public ClientConfig read(String name) {
        ClientKeyReader in = new ClientKeyReader(config, problems, name);
        List<Endpoint> endpoints = new ArrayList<>();
        ClientKeyReader.Credentials fromUris = in.endpoints(endpoints);
        RedisClientType type = in.enumValue(ConfigKey.CLIENT_TYPE, RedisClientType.class, RedisClientType.STANDALONE);
        RedisRole role = in.enumValue(ConfigKey.ROLE, RedisRole.class, RedisRole.MASTER);
        RedisReplicas replicas = in.enumValue(ConfigKey.REPLICAS, RedisReplicas.class, RedisReplicas.NEVER);
        boolean autoFailover = in.bool(ConfigKey.AUTO_FAILOVER);
        ProtocolVersion protocol = in.protocol();
        String username = in.string(ConfigKey.USERNAME).orElse(fromUris.user());
        String password = in.string(ConfigKey.PASSWORD).orElse(fromUris.password());
        int connections = in.integer(ConfigKey.CONNECTIONS, 1, MAX_CONNECTIONS);
        int maxPoolSize = in.integer(ConfigKey.MAX_POOL_SIZE, 1, Integer.MAX_VALUE);
        TlsConfig tls = in.tls(endpoints.stream().anyMatch(Endpoint::tls));

        ClientConfig client = new ClientConfig(name, List.copyOf(endpoints), type,
                in.string(ConfigKey.MASTER_NAME).orElseThrow(), role, replicas, autoFailover, username, password,
                in.string(ConfigKey.CLIENT_NAME).orElse(null), protocol,
                in.duration(ConfigKey.TIMEOUT), in.duration(ConfigKey.CONNECT_TIMEOUT), connections,
                in.integer(ConfigKey.MAX_WAITING_HANDLERS, 1, Integer.MAX_VALUE),
                in.integer(ConfigKey.MAX_QUEUED_COMMANDS, 0, Integer.MAX_VALUE), maxPoolSize,
                in.integer(ConfigKey.MAX_POOL_WAITING, 0, Integer.MAX_VALUE),
                in.integer(ConfigKey.MAX_BLOCKING_CONNECTIONS, 1, Integer.MAX_VALUE),
                in.duration(ConfigKey.POOL_RECYCLE_TIMEOUT), in.duration(ConfigKey.POOL_CLEANER_INTERVAL),
                in.duration(ConfigKey.HASH_SLOT_CACHE_TTL), in.duration(ConfigKey.RECONNECT_DELAY),
                in.duration(ConfigKey.RECONNECT_MAX_DELAY), tls, faultTolerance(in),
                in.topics(ConfigKey.EVENTS_CHANNELS, "channel"), in.topics(ConfigKey.EVENTS_PATTERNS, "pattern"),
                in.topics(ConfigKey.EVENTS_SHARD_CHANNELS, "shard channel"));
        crossChecks(in, client, fromUris);
        return client;
    }

    /**
     * The retry and breaker policy. {@code MP_Fault_Tolerance_NonFallback_Enabled=false}, MicroProfile's switch for
     * every fault-tolerance strategy but fallback, turns both off as it does for annotated beans.
     */
    private FaultToleranceConfig faultTolerance(ClientKeyReader in) {
        boolean allowed = config.getOptionalValue(NON_FALLBACK_ENABLED, String.class).map(value -> !value.trim().equalsIgnoreCase("false")).orElse(true);
        FaultToleranceConfig.Retry retry = new FaultToleranceConfig.Retry(in.integer(ConfigKey.RETRY_MAX_RETRIES, -1, Integer.MAX_VALUE),
                in.duration(ConfigKey.RETRY_DELAY), in.durationOrZero(ConfigKey.RETRY_JITTER), in.duration(ConfigKey.RETRY_MAX_DURATION),
                in.throwableClasses(ConfigKey.RETRY_RETRY_ON), in.throwableClasses(ConfigKey.RETRY_ABORT_ON), in.bool(ConfigKey.RETRY_NON_IDEMPOTENT));
        if (retry.maxDuration().compareTo(retry.delay()) <= 0) {
            problems.invalid(in.key(ConfigKey.RETRY_MAX_DURATION), in.shown(ConfigKey.RETRY_MAX_DURATION), "not longer than "
                    + in.key(ConfigKey.RETRY_DELAY) + " (" + in.shown(ConfigKey.RETRY_DELAY) + "): no retry could ever start",
                    "make it longer than the delay, or set " + in.key(ConfigKey.RETRY_ENABLED) + "=false");
        }
        FaultToleranceConfig.CircuitBreaker breaker = new FaultToleranceConfig.CircuitBreaker(
                in.integer(ConfigKey.CIRCUIT_BREAKER_REQUEST_VOLUME_THRESHOLD, 1, Integer.MAX_VALUE), in.ratio(ConfigKey.CIRCUIT_BREAKER_FAILURE_RATIO),
                in.duration(ConfigKey.CIRCUIT_BREAKER_DELAY), in.integer(ConfigKey.CIRCUIT_BREAKER_SUCCESS_THRESHOLD, 1, Integer.MAX_VALUE));
        FaultToleranceConfig.Health health = new FaultToleranceConfig.Health(in.bool(ConfigKey.HEALTH_ENABLED), in.duration(ConfigKey.HEALTH_TIMEOUT));
        return new FaultToleranceConfig(allowed && in.bool(ConfigKey.RETRY_ENABLED) ? retry : null,
                allowed && in.bool(ConfigKey.CIRCUIT_BREAKER_ENABLED) ? breaker : null, health);
    }

    private void crossChecks(ClientKeyReader in, ClientConfig client, ClientKeyReader.Credentials fromUris) {
        if (client.clientType() == RedisClientType.STANDALONE && client.endpoints().size() > 1) {
            problems.invalid(in.key(ConfigKey.HOSTS), in.shown(ConfigKey.HOSTS), "a standalone client takes one host, "
                    + client.endpoints().size() + " were given",
                    "keep one host, or set " + in.key(ConfigKey.CLIENT_TYPE) + " to cluster, sentinel or replication");
        }
        long tlsHosts = client.endpoints().stream().filter(Endpoint::tls).count();
        if (tlsHosts > 0 && tlsHosts < client.endpoints().size()) {
            problems.invalid(in.key(ConfigKey.HOSTS), in.shown(ConfigKey.HOSTS), "mixes rediss:// and redis:// hosts",
                    "use rediss:// for every host (TLS) or for none");
        }
        if (fromUris.password() != null && in.string(ConfigKey.PASSWORD).isPresent()) {
            problems.add(in.key(ConfigKey.PASSWORD), "a password is given both here and in " + in.key(ConfigKey.HOSTS),
                    "keep one of them, preferably " + in.key(ConfigKey.PASSWORD));
        }
        if (fromUris.user() != null && in.string(ConfigKey.USERNAME).isPresent()) {
            problems.add(in.key(ConfigKey.USERNAME), "a user name is given both here and in " + in.key(ConfigKey.HOSTS),
                    "keep one of them");
        }
        if (client.username() != null && client.password() == null) {
            problems.invalid(in.key(ConfigKey.USERNAME), client.username(), "an ACL user needs a password",
                    "set " + in.key(ConfigKey.PASSWORD));
        }
        if (client.connections() >= client.maxPoolSize()) {
            problems.invalid(in.key(ConfigKey.CONNECTIONS), String.valueOf(client.connections()),
                    "the long-lived connections come from the pool, which holds only " + client.maxPoolSize(),
                    "set " + in.key(ConfigKey.MAX_POOL_SIZE) + " to at least " + (client.connections() + 1)
                            + " (at least one for withConnection and transactions)");
        }
        if (client.clientType() == RedisClientType.SENTINEL && client.autoFailover() && client.protocol() == ProtocolVersion.RESP2) {
            problems.invalid(in.key(ConfigKey.PROTOCOL), "resp2", "following a Sentinel failover needs RESP3",
                    "set " + in.key(ConfigKey.PROTOCOL) + "=resp3, or " + in.key(ConfigKey.AUTO_FAILOVER) + "=false");
        }
        if (client.reconnectDelay() != null && client.reconnectMaxDelay() != null
                && client.reconnectMaxDelay().compareTo(client.reconnectDelay()) < 0) {
            problems.invalid(in.key(ConfigKey.RECONNECT_MAX_DELAY), in.shown(ConfigKey.RECONNECT_MAX_DELAY),
                    "shorter than " + in.key(ConfigKey.RECONNECT_DELAY), "make it at least " + in.shown(ConfigKey.RECONNECT_DELAY));
        }
        if (client.clientType() == RedisClientType.CLUSTER && client.endpoints().stream().anyMatch(e -> e.path() != null)) {
            problems.invalid(in.key(ConfigKey.HOSTS), in.shown(ConfigKey.HOSTS), "a Redis Cluster has only database 0",
                    "remove the /database part of the hosts");
        }
        client.eventShardChannels().stream().filter(channel -> channel.contains("*") || channel.contains("?")).findFirst().ifPresent(
                pattern -> problems.invalid(in.key(ConfigKey.EVENTS_SHARD_CHANNELS), in.shown(ConfigKey.EVENTS_SHARD_CHANNELS),
                        "\"" + pattern + "\" looks like a pattern, but SSUBSCRIBE takes exact names and Redis has no pattern subscription for shard channels",
                        "name each shard channel, or give the pattern to " + in.key(ConfigKey.EVENTS_PATTERNS)
                                + " (PSUBSCRIBE: it hears PUBLISH, not SPUBLISH)"));
        onlyFor(in, ConfigKey.MASTER_NAME, client, RedisClientType.SENTINEL);
        onlyFor(in, ConfigKey.ROLE, client, RedisClientType.SENTINEL);
        onlyFor(in, ConfigKey.AUTO_FAILOVER, client, RedisClientType.SENTINEL);
        onlyFor(in, ConfigKey.REPLICAS, client, RedisClientType.CLUSTER, RedisClientType.REPLICATION);
        onlyFor(in, ConfigKey.HASH_SLOT_CACHE_TTL, client, RedisClientType.CLUSTER);
        if (client.endpoints().stream().anyMatch(Endpoint::unixSocket) && client.username() != null) {
            problems.add(in.key(ConfigKey.USERNAME), "an ACL user cannot be sent over a unix:// socket by the driver",
                    "use redis://host:port, or authenticate with " + in.key(ConfigKey.PASSWORD) + " only");
        }
    }

    /** A key that only one kind of client reads is an error elsewhere: the user expects an effect it cannot have. */
    private void onlyFor(ClientKeyReader in, ConfigKey key, ClientConfig client, RedisClientType... types) {
        boolean typeGiven = in.raw(ConfigKey.CLIENT_TYPE).map(given -> java.util.Arrays.stream(RedisClientType.values())
                .anyMatch(known -> known.name().equalsIgnoreCase(given))).orElse(true);
        if (in.raw(key).isEmpty() || !typeGiven || java.util.Arrays.asList(types).contains(client.clientType())) {
            return; // (an invalid client-type is reported once, not again through every key it would make wrong)
        }
        String kinds = java.util.Arrays.stream(types).map(t -> t.name().toLowerCase(Locale.ROOT)).collect(java.util.stream.Collectors.joining(" or "));
        problems.invalid(in.key(key), in.shown(key), "only " + kinds + " clients read it, and this client is "
                + client.clientType().name().toLowerCase(Locale.ROOT), "remove it, or set " + in.key(ConfigKey.CLIENT_TYPE) + "=" + kinds.split(" ")[0]);
    }

}
