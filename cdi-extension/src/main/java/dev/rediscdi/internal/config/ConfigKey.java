package dev.rediscdi.internal.config;

import java.util.Arrays;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/** Every property of a client, as it follows {@code redis.} or {@code redis.<name>.}; the README documents each. */
public enum ConfigKey {
    HOSTS("hosts", null, "Comma-separated Redis URIs: redis://[user:password@]host:port[/db], rediss:// for TLS, unix:///path. Required."),
    CLIENT_TYPE("client-type", "standalone", "standalone, sentinel, cluster or replication."),
    MASTER_NAME("master-name", "mymaster", "Sentinel: the name of the monitored primary."),
    ROLE("role", "master", "Sentinel: master, replica or sentinel: which node the client talks to."),
    REPLICAS("replicas", "never", "Cluster and replication: never, share or always: whether reads go to replicas."),
    AUTO_FAILOVER("auto-failover", "true", "Sentinel: follow a failover to the new primary (needs protocol resp3)."),
    USERNAME("username", null, "ACL user name (Redis 6+); needs password."),
    PASSWORD("password", null, "Password (requirepass or the ACL user's). Never logged."),
    CLIENT_NAME("client-name", null, "Name shown by CLIENT LIST (CLIENT SETNAME)."),
    PROTOCOL("protocol", "resp3", "resp3 or resp2."),
    TIMEOUT("timeout", "10s", "Deadline of every non-blocking command; the stage then fails with RedisTimeoutException."),
    CONNECT_TIMEOUT("connect-timeout", "10s", "Deadline to open a TCP connection."),
    CONNECTIONS("connections", "1", "Long-lived connections that pipeline ordinary commands: 1 to 64, fewer than max-pool-size (they come from the pool)."),
    MAX_WAITING_HANDLERS("max-waiting-handlers", "2048", "Pipelining depth: commands in flight on one connection."),
    MAX_QUEUED_COMMANDS("max-queued-commands", "65536", "Commands waiting in the client for a pipelining slot; beyond, RedisOverloadedException."),
    MAX_POOL_SIZE("max-pool-size", "6", "Pool size per Redis node: connections for withConnection, transactions, the raw Redis bean, plus the long-lived ones."),
    MAX_BLOCKING_CONNECTIONS("max-blocking-connections", "8", "Connections for blocking commands (BLPOP, BLMOVE, XREAD BLOCK, ...), apart from the pool: one per command while it blocks; more wait, up to max-pool-waiting."),
    MAX_POOL_WAITING("max-pool-waiting", "1024", "Callers that may wait for a connection (withConnection, transactions; blocking commands apart), in order of arrival, each at most timeout; beyond, RedisOverloadedException. Also the driver pool's wait queue (raw Redis bean)."),
    POOL_RECYCLE_TIMEOUT("pool-recycle-timeout", "180s", "An idle pooled connection is closed after this long."),
    POOL_CLEANER_INTERVAL("pool-cleaner-interval", "30s", "How often idle pooled connections are checked."),
    HASH_SLOT_CACHE_TTL("hash-slot-cache-ttl", "1s", "Cluster: how long the slot map is cached."),
    RECONNECT_DELAY("reconnect-delay", "100ms", "Subscriptions: first delay before reconnecting; doubles on each failure."),
    RECONNECT_MAX_DELAY("reconnect-max-delay", "5s", "Subscriptions: longest delay between reconnection attempts."),
    TLS_TRUST_CERTIFICATE_PEM("tls.trust-certificate-pem", null, "Comma-separated PEM files of the CAs to trust (default: the JVM's trust store)."),
    TLS_TRUST_STORE("tls.trust-store", null, "A JKS or PKCS12 trust store file."),
    TLS_TRUST_STORE_PASSWORD("tls.trust-store-password", null, "Password of tls.trust-store. Never logged."),
    TLS_TRUST_STORE_TYPE("tls.trust-store-type", null, "jks or pkcs12; default: from the file extension (.jks, .p12, .pfx)."),
    TLS_KEY_CERTIFICATE_PEM("tls.key-certificate-pem", null, "Mutual TLS: the client certificate as PEM; with tls.key-pem."),
    TLS_KEY_PEM("tls.key-pem", null, "Mutual TLS: the client private key as PEM (PKCS#8 or PKCS#1)."),
    TLS_KEY_STORE("tls.key-store", null, "Mutual TLS: a JKS or PKCS12 key store holding the client key and certificate."),
    TLS_KEY_STORE_PASSWORD("tls.key-store-password", null, "Password of tls.key-store. Never logged."),
    TLS_KEY_STORE_TYPE("tls.key-store-type", null, "jks or pkcs12; default: from the file extension."),
    TLS_HOSTNAME_VERIFICATION("tls.hostname-verification", "HTTPS", "HTTPS checks that the certificate names the host; NONE turns the check off (not for production)."),
    TLS_TRUST_ALL("tls.trust-all", "false", "Trust any certificate (not for production)."),
    RETRY_ENABLED("retry.enabled", "true", "Retry failed commands where it is safe (see Fault tolerance); false: never retry."),
    RETRY_MAX_RETRIES("retry.max-retries", "3", "Retries after the first attempt (MP FT maxRetries); -1: until retry.max-duration."),
    RETRY_DELAY("retry.delay", "100ms", "Wait before each retry (MP FT delay)."),
    RETRY_JITTER("retry.jitter", "50ms", "Random change of each delay, up to this much either way (MP FT jitter); 0ms: none."),
    RETRY_MAX_DURATION("retry.max-duration", "5s", "No retry starts later than this after the first attempt (MP FT maxDuration); longer than retry.delay."),
    RETRY_RETRY_ON("retry.retry-on", "dev.rediscdi.RedisConnectionException,dev.rediscdi.RedisConnectionLostException",
            "Comma-separated exception classes that are retried, subclasses included (MP FT retryOn). Add dev.rediscdi.RedisTimeoutException to retry timeouts."),
    RETRY_ABORT_ON("retry.abort-on", null, "Comma-separated exception classes never retried, even if retry-on matches (MP FT abortOn)."),
    RETRY_NON_IDEMPOTENT("retry.non-idempotent", "false", "Also retry commands that may have run and are not idempotent (INCR, LPUSH, XADD...): they may then run twice."),
    CIRCUIT_BREAKER_ENABLED("circuit-breaker.enabled", "true", "Fail fast with RedisCircuitOpenException while Redis keeps failing."),
    CIRCUIT_BREAKER_REQUEST_VOLUME_THRESHOLD("circuit-breaker.request-volume-threshold", "20", "The rolling window: the breaker judges the last this many commands (MP FT requestVolumeThreshold)."),
    CIRCUIT_BREAKER_FAILURE_RATIO("circuit-breaker.failure-ratio", "0.5", "Opens when this share of the window failed: connection refused or lost, or timed out (MP FT failureRatio)."),
    CIRCUIT_BREAKER_DELAY("circuit-breaker.delay", "2s", "How long it stays open before trial commands go through (MP FT delay)."),
    CIRCUIT_BREAKER_SUCCESS_THRESHOLD("circuit-breaker.success-threshold", "1", "Trial commands that must succeed to close it again (MP FT successThreshold)."),
    HEALTH_ENABLED("health.enabled", "true", "A MicroProfile Health readiness check for this client, where MP Health is present."),
    HEALTH_TIMEOUT("health.timeout", "2s", "The readiness check's PING deadline: no reply within it reports the client down."),
    EVENTS_CHANNELS("events.channels", null, "Comma-separated channels whose messages are fired as CDI events (RedisMessage, qualified like the client) from start-up on."),
    EVENTS_PATTERNS("events.patterns", null, "Comma-separated glob patterns (PSUBSCRIBE) whose messages are fired as CDI events."),
    EVENTS_SHARD_CHANNELS("events.shard-channels", null,
            "Comma-separated shard channels (SSUBSCRIBE, Redis 7; on a cluster each on its slot's primary) whose messages are fired as CDI events.");

    private static final Set<String> SUFFIXES = Arrays.stream(values()).map(ConfigKey::suffix).collect(Collectors.toUnmodifiableSet());
    private static final Set<String> FIRST_SEGMENTS = Arrays.stream(values())
            .map(key -> key.suffix.contains(".") ? key.suffix.substring(0, key.suffix.indexOf('.')) : key.suffix)
            .collect(Collectors.toUnmodifiableSet());

    private final String suffix;
    private final String defaultValue;
    private final String description;

    ConfigKey(String suffix, String defaultValue, String description) {
        this.suffix = suffix;
        this.defaultValue = defaultValue;
        this.description = description;
    }

    public String suffix() {
        return suffix;
    }

    public Optional<String> defaultValue() {
        return Optional.ofNullable(defaultValue);
    }

    public String description() {
        return description;
    }

    /** Whether the value must never be shown. */
    public boolean secret() {
        return suffix.endsWith("password");
    }

    static boolean isKnown(String suffix) {
        return SUFFIXES.contains(suffix);
    }

    static Set<String> suffixes() {
        return SUFFIXES;
    }

    /** A client name that equals a property's first segment would make keys ambiguous ({@code redis.tls.*}). */
    static boolean isReservedName(String name) {
        return FIRST_SEGMENTS.contains(name);
    }
}
