package dev.rediscdi.internal.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.vertx.redis.client.ProtocolVersion;
import io.vertx.redis.client.RedisClientType;

class ClientConfigReaderTest {

    private static ClientConfig read(String name, String... keysAndValues) {
        ConfigProblems problems = new ConfigProblems();
        ClientConfig config = new ClientConfigReader(Configs.of(keysAndValues), problems).read(name);
        assertThat(problems.list()).isEmpty();
        return config;
    }

    @Test
    void shouldApplyDefaults() {
        ClientConfig config = read(null, "redis.hosts", "redis://localhost:7000");

        assertThat(config.endpoints()).containsExactly(new Endpoint("redis", "localhost", 7000, null));
        assertThat(config.clientType()).isEqualTo(RedisClientType.STANDALONE);
        assertThat(config.protocol()).isEqualTo(ProtocolVersion.RESP3);
        assertThat(config.timeout()).isEqualTo(Duration.ofSeconds(10));
        assertThat(config.connections()).isEqualTo(1);
        assertThat(config.maxWaitingHandlers()).isEqualTo(2048);
        assertThat(config.maxQueuedCommands()).isEqualTo(65536);
        assertThat(config.maxPoolSize()).isEqualTo(6);
        assertThat(config.tls()).isNull();
    }

    @Test
    void shouldReadEveryValueOfANamedClient() {
        ClientConfig config = read("cache",
                "redis.cache.hosts", "redis://h1:7000, redis://h2:7001",
                "redis.cache.client-type", "cluster",
                "redis.cache.replicas", "share",
                "redis.cache.protocol", "RESP2",
                "redis.cache.timeout", "500ms",
                "redis.cache.connect-timeout", "PT2S",
                "redis.cache.connections", "2",
                "redis.cache.max-pool-size", "8",
                "redis.cache.username", "app",
                "redis.cache.password", "pw",
                "redis.cache.client-name", "orders");

        assertThat(config.endpoints()).extracting(Endpoint::host).containsExactly("h1", "h2");
        assertThat(config.clientType()).isEqualTo(RedisClientType.CLUSTER);
        assertThat(config.protocol()).isEqualTo(ProtocolVersion.RESP2);
        assertThat(config.timeout()).isEqualTo(Duration.ofMillis(500));
        assertThat(config.connectTimeout()).isEqualTo(Duration.ofSeconds(2));
        assertThat(config.connections()).isEqualTo(2);
        assertThat(config.username()).isEqualTo("app");
        assertThat(config.password()).isEqualTo("pw");
        assertThat(config.prefix()).isEqualTo("redis.cache");
    }

    @Test
    void shouldTakeCredentialsFromTheUriAndHideThem() {
        ClientConfig config = read(null, "redis.hosts", "redis://app:p%40ss@localhost:7000/2");

        assertThat(config.username()).isEqualTo("app");
        assertThat(config.password()).isEqualTo("p@ss");
        assertThat(config.endpoints()).containsExactly(new Endpoint("redis", "localhost", 7000, "/2"));
        assertThat(config.toString()).doesNotContain("p@ss").doesNotContain("p%40ss").contains("password=***");
    }

    @Test
    void shouldReportEveryProblemAtOnce() {
        ConfigProblems problems = Configs.problems(
                "redis.hosts", "http://localhost:7000",
                "redis.timeout", "10",
                "redis.connections", "many",
                "redis.client-type", "galaxy",
                "redis.protocol", "resp4",
                "redis.auto-failover", "maybe");

        assertThat(problems.list()).containsExactly(
                "redis.hosts = \"http://localhost:7000\": the scheme must be redis, rediss or unix. Fix: write it as redis://host:port (rediss:// for TLS)",
                "redis.client-type = \"galaxy\": not one of standalone, sentinel, cluster, replication. Fix: use one of standalone, sentinel, cluster, replication",
                "redis.auto-failover = \"maybe\": not a boolean. Fix: use true or false",
                "redis.protocol = \"resp4\": not a protocol version. Fix: use resp3 or resp2",
                "redis.connections = \"many\": not a whole number. Fix: use a whole number from 1 to 64, for example redis.connections=1",
                "redis.timeout = \"10\": not a duration. Fix: write a number with a unit: 500ms, 10s, 2m, 1h (or ISO-8601 such as PT10S)");
        assertThat(problems.message()).startsWith("Invalid Redis configuration (6 problems):" + System.lineSeparator()
                + "  1. redis.hosts = \"http://localhost:7000\"");
    }

    @Test
    void shouldRejectHostProblems() {
        assertThat(Configs.problems("redis.hosts", "redis://localhost:99999").list()).containsExactly(
                "redis.hosts = \"redis://localhost:99999\": port 99999 is out of range. Fix: use a port from 1 to 65535");
        assertThat(Configs.problems("redis.hosts", "redis://h1:7000,redis://h2:7000").list()).containsExactly(
                "redis.hosts = \"redis://h1:7000,redis://h2:7000\": a standalone client takes one host, 2 were given. "
                        + "Fix: keep one host, or set redis.client-type to cluster, sentinel or replication");
        assertThat(Configs.problems("redis.hosts", "redis://h1:7000/x").list()).containsExactly(
                "redis.hosts = \"redis://h1:7000/x\": the path must be a database number. Fix: write it as redis://host:port/0");
        assertThat(Configs.problems("redis.hosts", "redis://h1:7000,rediss://h2:7000", "redis.client-type", "cluster").list()).containsExactly(
                "redis.hosts = \"redis://h1:7000,rediss://h2:7000\": mixes rediss:// and redis:// hosts. Fix: use rediss:// for every host (TLS) or for none");
        assertThat(Configs.problems("redis.hosts", "redis:// bad").list()).hasSize(1).first().asString()
                .startsWith("redis.hosts = \"redis:// bad\": not a URI");
    }

    @Test
    void shouldRejectCredentialProblemsWithoutShowingThePassword() {
        assertThat(Configs.problems("redis.hosts", "redis://:secret-in-uri@h1:7000", "redis.password", "secret-in-property").list())
                .containsExactly("redis.password: a password is given both here and in redis.hosts. Fix: keep one of them, preferably redis.password");
        assertThat(Configs.problems("redis.hosts", "redis://h1:7000", "redis.username", "app").list())
                .containsExactly("redis.username = \"app\": an ACL user needs a password. Fix: set redis.password");
        assertThat(Configs.problems("redis.hosts", "redis://app:secret-in-uri@h1:99999").list())
                .containsExactly("redis.hosts = \"redis://app:***@h1:99999\": port 99999 is out of range. Fix: use a port from 1 to 65535");
    }

    @Test
    void shouldRejectNumberAndDurationRanges() {
        assertThat(Configs.problems("redis.hosts", "redis://h:1", "redis.connections", "6").list()).containsExactly(
                "redis.connections = \"6\": the long-lived connections come from the pool, which holds only 6. "
                        + "Fix: set redis.max-pool-size to at least 7 (at least one for withConnection and transactions)");
        assertThat(Configs.problems("redis.hosts", "redis://h:1", "redis.connections", "0").list()).containsExactly(
                "redis.connections = \"0\": out of range. Fix: use a number from 1 to 64");
        assertThat(Configs.problems("redis.hosts", "redis://h:1", "redis.timeout", "0s").list()).containsExactly(
                "redis.timeout = \"0s\": must be longer than zero. Fix: use a positive duration such as 10s");
        assertThat(Configs.problems("redis.hosts", "redis://h:1", "redis.reconnect-delay", "10s", "redis.reconnect-max-delay", "1s").list())
                .containsExactly("redis.reconnect-max-delay = \"1s\": shorter than redis.reconnect-delay. Fix: make it at least 10s");
    }

    @Test
    void shouldRejectSentinelFailoverOverResp2() {
        assertThat(Configs.problems("redis.hosts", "redis://h:1", "redis.client-type", "sentinel", "redis.protocol", "resp2").list())
                .containsExactly("redis.protocol = \"resp2\": following a Sentinel failover needs RESP3. "
                        + "Fix: set redis.protocol=resp3, or redis.auto-failover=false");
    }

    @Test
    void shouldRejectTlsSettingsWithoutRediss() {
        assertThat(Configs.problems("redis.hosts", "redis://h:1", "redis.tls.trust-all", "true").list()).containsExactly(
                "redis.tls.trust-all: TLS settings, but no host in redis.hosts uses rediss://. "
                        + "Fix: TLS is switched on by the scheme: write the hosts as rediss://host:port");
    }

    @Test
    void shouldValidateTlsFiles(@TempDir Path dir) throws Exception {
        Path pem = Files.writeString(dir.resolve("ca.pem"), "x");
        Path store = Files.writeString(dir.resolve("trust.store"), "x");
        String missing = dir.resolve("missing.pem").toString();

        assertThat(Configs.problems("redis.hosts", "rediss://h:1", "redis.tls.trust-certificate-pem", missing).list()).containsExactly(
                "redis.tls.trust-certificate-pem = \"" + missing + "\": no readable file there. Fix: give the path of an existing, readable file");
        assertThat(Configs.problems("redis.hosts", "rediss://h:1", "redis.tls.trust-store", store.toString()).list()).containsExactly(
                "redis.tls.trust-store-type: the store type cannot be told from the file name trust.store. Fix: set redis.tls.trust-store-type to jks or pkcs12");
        assertThat(Configs.problems("redis.hosts", "rediss://h:1", "redis.tls.key-certificate-pem", pem.toString()).list()).containsExactly(
                "redis.tls.key-certificate-pem: a client certificate needs both the certificate and its key. "
                        + "Fix: set both redis.tls.key-certificate-pem and redis.tls.key-pem");
        assertThat(Configs.problems("redis.hosts", "rediss://h:1", "redis.tls.hostname-verification", "").list()).isEmpty();
        assertThat(Configs.problems("redis.hosts", "rediss://h:1", "redis.tls.hostname-verification", "off").list()).containsExactly(
                "redis.tls.hostname-verification = \"off\": not a verification mode. "
                        + "Fix: use HTTPS (checks the certificate names the host) or NONE (no check, not for production)");
        assertThat(Configs.problems("redis.hosts", "rediss://h:1", "redis.tls.trust-certificate-pem", pem.toString(),
                "redis.tls.trust-store", store.toString(), "redis.tls.trust-store-type", "jks").list()).containsExactly(
                "redis.tls.trust-certificate-pem, redis.tls.trust-store: two trust sources are given. Fix: keep one of them");
    }

    @Test
    void shouldMaskSecretsInOptionsDumps() {
        ClientConfig config = read(null, "redis.hosts", "redis://localhost:7000", "redis.username", "app", "redis.password", "canary-secret");

        var options = RedisOptionsFactory.create(config);

        assertThat(options.getEndpoint()).contains("canary-secret"); // the driver needs it
        assertThat(options.toJson().encode()).doesNotContain("canary-secret").contains("redis://app:***@localhost:7000");
        assertThat(options.toString()).doesNotContain("canary-secret");
    }

    @Test
    void shouldKeepHostnameVerificationOnByDefault(@TempDir Path dir) throws Exception {
        Path pem = Files.writeString(dir.resolve("ca.pem"), "x");
        ClientConfig config = read(null, "redis.hosts", "rediss://localhost:7000", "redis.tls.trust-certificate-pem", pem.toString());

        var options = RedisOptionsFactory.create(config);

        assertThat(options.getNetClientOptions().isSsl()).isTrue();
        assertThat(options.getNetClientOptions().getHostnameVerificationAlgorithm()).isEqualTo("HTTPS");
    }

    @Test
    void shouldMapEveryValueToTheDriverOptions() {
        ClientConfig config = read("orders",
                "redis.orders.hosts", "redis://s1:26379,redis://s2:26379",
                "redis.orders.client-type", "sentinel",
                "redis.orders.master-name", "orders-primary",
                "redis.orders.role", "replica",
                "redis.orders.client-name", "orders app",
                "redis.orders.protocol", "resp3",
                "redis.orders.connect-timeout", "2s",
                "redis.orders.max-waiting-handlers", "512",
                "redis.orders.max-pool-size", "12",
                "redis.orders.max-pool-waiting", "48",
                "redis.orders.pool-recycle-timeout", "1m",
                "redis.orders.pool-cleaner-interval", "5s");

        var options = RedisOptionsFactory.create(config);

        assertThat(options.getType()).isEqualTo(RedisClientType.SENTINEL);
        assertThat(options.getEndpoints()).containsExactly("redis://s1:26379?client=orders%20app", "redis://s2:26379?client=orders%20app");
        assertThat(options.getMasterName()).isEqualTo("orders-primary");
        assertThat(options.getRole()).isEqualTo(io.vertx.redis.client.RedisRole.REPLICA);
        assertThat(options.isAutoFailover()).isTrue();
        assertThat(options.getPreferredProtocolVersion()).isEqualTo(ProtocolVersion.RESP3);
        assertThat(options.getNetClientOptions().getConnectTimeout()).isEqualTo(2000);
        assertThat(options.getMaxWaitingHandlers()).isEqualTo(512);
        assertThat(options.getMaxPoolSize()).isEqualTo(12);
        assertThat(options.getMaxPoolWaiting()).isEqualTo(48);
        assertThat(options.getPoolRecycleTimeout()).isEqualTo(60_000);
        assertThat(options.getPoolCleanerInterval()).isEqualTo(5_000);
        assertThat(RedisOptionsFactory.create(read(null, "redis.hosts", "redis://h:7000", "redis.client-type", "cluster",
                "redis.hash-slot-cache-ttl", "250ms")).getHashSlotCacheTTL()).isEqualTo(250);
    }

    @Test
    void shouldRejectSettingsTheClientWouldIgnore() {
        assertThat(Configs.problems("redis.hosts", "redis://h:7000?select=1").list()).containsExactly(
                "redis.hosts = \"redis://h:7000?select=1\": a query (?select=1) is not read. "
                        + "Fix: put the database in the path (redis://host:port/1) and the name in redis.client-name");
        assertThat(Configs.problems("redis.hosts", "redis://a:7000/1,redis://b:7001/1", "redis.client-type", "cluster").list())
                .containsExactly("redis.hosts = \"redis://a:7000/1,redis://b:7001/1\": a Redis Cluster has only database 0. "
                        + "Fix: remove the /database part of the hosts");
        assertThat(Configs.problems("redis.hosts", "redis://h:7000", "redis.replicas", "share", "redis.master-name", "x").list())
                .containsExactly(
                        "redis.master-name = \"x\": only sentinel clients read it, and this client is standalone. "
                                + "Fix: remove it, or set redis.client-type=sentinel",
                        "redis.replicas = \"share\": only cluster or replication clients read it, and this client is standalone. "
                                + "Fix: remove it, or set redis.client-type=cluster");
    }

    @Test
    void shouldReadEventTopicsOfEachKindApart() {
        ClientConfig config = read("ops", "redis.ops.hosts", "redis://h:7000", "redis.ops.events.channels", "orders",
                "redis.ops.events.patterns", "alerts.*", "redis.ops.events.shard-channels", " orders , {eu}.payments ");

        assertThat(config.eventChannels()).containsExactly("orders");
        assertThat(config.eventPatterns()).containsExactly("alerts.*");
        assertThat(config.eventShardChannels()).as("a name may be a channel and a shard channel").containsExactly("orders", "{eu}.payments");
        assertThat(config.firesEvents()).isTrue();
        assertThat(read(null, "redis.hosts", "redis://h:7000", "redis.events.shard-channels", "  ").firesEvents())
                .as("a blank value, as for every key: not set").isFalse();
    }

    @Test
    void shouldRejectEmptyEventTopicNames() {
        assertThat(Configs.problems("redis.hosts", "redis://h:7000", "redis.events.shard-channels", "orders,,payments").list()).containsExactly(
                "redis.events.shard-channels = \"orders,,payments\": an empty shard channel name between commas. "
                        + "Fix: name the shard channel or drop the extra comma: redis.events.shard-channels=orders,payments");
        assertThat(Configs.problems("redis.hosts", "redis://h:7000", "redis.events.shard-channels", "orders, ").list()).containsExactly(
                "redis.events.shard-channels = \"orders,\": an empty shard channel name between commas. "
                        + "Fix: name the shard channel or drop the extra comma: redis.events.shard-channels=orders");
        assertThat(Configs.problems("redis.hosts", "redis://h:7000", "redis.events.shard-channels", ", ,").list()).containsExactly(
                "redis.events.shard-channels = \", ,\": an empty shard channel name between commas. "
                        + "Fix: name at least one shard channel, or remove the property");
        assertThat(Configs.problems("redis.hosts", "redis://h:7000", "redis.events.channels", "orders, ,news",
                "redis.events.patterns", ",alerts.*").list()).containsExactly(
                "redis.events.channels = \"orders, ,news\": an empty channel name between commas. "
                        + "Fix: name the channel or drop the extra comma: redis.events.channels=orders,news",
                "redis.events.patterns = \",alerts.*\": an empty pattern name between commas. "
                        + "Fix: name the pattern or drop the extra comma: redis.events.patterns=alerts.*");
    }

    @Test
    void shouldRejectAPatternAmongShardChannels() {
        assertThat(Configs.problems("redis.hosts", "redis://h:7000", "redis.events.shard-channels", "orders,alerts.*").list()).containsExactly(
                "redis.events.shard-channels = \"orders,alerts.*\": \"alerts.*\" looks like a pattern, but SSUBSCRIBE takes exact names "
                        + "and Redis has no pattern subscription for shard channels. "
                        + "Fix: name each shard channel, or give the pattern to redis.events.patterns (PSUBSCRIBE: it hears PUBLISH, not SPUBLISH)");
    }
}
