package dev.rediscdi.samples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import org.jboss.weld.environment.se.WeldContainer;
import org.junit.jupiter.api.Test;

import dev.rediscdi.BlockingRedisClient;
import dev.rediscdi.NamedRedisClient;
import dev.rediscdi.RedisClient;
import dev.rediscdi.ReplyType;
import dev.rediscdi.testing.RedisBinary;
import dev.rediscdi.testing.RedisServer;
import dev.rediscdi.testing.TlsMaterial;
import io.netty.channel.epoll.Epoll;

/**
 * Each sample that a single local redis-server can serve, filled in with the harness' address, credentials
 * and generated TLS material, used through the CDI extension: Weld boots, the clients are looked up as an
 * application injects them, and real commands run. Every server is started here on a free loopback port
 * and stopped by pid when the test ends.
 */
class SamplesIT {

    /** Samples no live test connects with, and why; {@link SamplesTest} checks the two lists cover every file. */
    static final Map<String, String> VALIDATION_ONLY = Map.of(
            "sentinel.properties", "the test harness cannot start a Sentinel group yet",
            "cluster.properties", "the test harness cannot start a Redis Cluster yet",
            "replicas-for-reads.properties", "the test harness cannot start a replication group yet");

    private static final String PASSWORD = "pw-" + UUID.randomUUID();

    /** {@code scheme://host:port[/db]} of the sample with the host and port of the harness server. */
    private static String retarget(String hosts, RedisServer server) {
        assertThat(hosts).as("one address").doesNotContain(",");
        String retargeted = hosts.replaceFirst("^rediss?://[^/]+", server.uri());
        assertThat(retargeted).as("the sample's address is replaced").isNotEqualTo(hosts).doesNotContain(":6379");
        return retargeted;
    }

    private static void run(Sample sample, Consumer<WeldContainer> body, Class<?>... beans) {
        try (InstalledConfig config = sample.install()) {
            WeldContainer container = Containers.boot(beans);
            try {
                body.accept(container);
            } finally {
                container.shutdown();
            }
        }
    }

    private static BlockingRedisClient defaultClient(WeldContainer container) {
        return container.select(BlockingRedisClient.class).get();
    }

    /** PING, then SET and GET of a fresh key: the round trip an application makes first. */
    private static void pingSetGet(BlockingRedisClient client) {
        assertThat(client.execute(ReplyType.STRING, "PING")).isEqualTo("PONG");
        String key = "sample:" + UUID.randomUUID();
        client.send("SET", key, "value-of-" + key);
        assertThat(client.execute(ReplyType.STRING, "GET", key)).isEqualTo("value-of-" + key);
    }

    private static String clientInfo(BlockingRedisClient client) {
        return client.execute(ReplyType.STRING, "CLIENT", "INFO");
    }

    @Test
    @Covers("local.properties")
    void local() {
        try (RedisServer server = RedisServer.builder().start()) {
            Sample sample = Sample.load("local.properties").replace("redis.hosts", hosts -> retarget(hosts, server));
            run(sample, container -> pingSetGet(defaultClient(container)));
        }
    }

    @Test
    @Covers("password.properties")
    void password() {
        try (RedisServer server = RedisServer.builder().password(PASSWORD).start()) {
            Sample sample = Sample.load("password.properties").replace("redis.hosts", hosts -> retarget(hosts, server))
                    .environment("REDIS_PASSWORD", PASSWORD);
            run(sample, container -> {
                BlockingRedisClient redis = defaultClient(container);
                pingSetGet(redis);
                assertThat(redis.execute(ReplyType.STRING, "ACL", "WHOAMI")).isEqualTo("default");
            });
        }
    }

    @Test
    @Covers("acl-user.properties")
    void aclUser() {
        try (RedisServer server = RedisServer.builder().aclUser("app", PASSWORD, "~* &* +@all").disableDefaultUser().start()) {
            // REDIS_USERNAME is not supplied: the sample's default, app, applies.
            Sample sample = Sample.load("acl-user.properties").replace("redis.hosts", hosts -> retarget(hosts, server))
                    .environment("REDIS_PASSWORD", PASSWORD);
            run(sample, container -> {
                BlockingRedisClient redis = defaultClient(container);
                pingSetGet(redis);
                assertThat(redis.execute(ReplyType.STRING, "ACL", "WHOAMI")).isEqualTo("app");
                assertThat(clientInfo(redis)).contains("name=orders-service");
            });
        }
    }

    @Test
    @Covers("tls.properties")
    void tls() {
        RedisBinary.assumeTls();
        try (RedisServer server = RedisServer.builder().tls().password(PASSWORD).start()) {
            Sample sample = Sample.load("tls.properties").replace("redis.hosts", hosts -> retarget(hosts, server))
                    .environment("REDIS_PASSWORD", PASSWORD)
                    .replace("redis.tls.trust-certificate-pem", server.tlsMaterial().caCertPem().toString());
            run(sample, container -> pingSetGet(defaultClient(container)));
        }
    }

    @Test
    @Covers("tls.properties")
    void tlsRefusesAServerSignedByAnotherCa() {
        RedisBinary.assumeTls();
        try (RedisServer server = RedisServer.builder().tls().password(PASSWORD).start()) {
            Sample sample = Sample.load("tls.properties").replace("redis.hosts", hosts -> retarget(hosts, server))
                    .environment("REDIS_PASSWORD", PASSWORD)
                    .replace("redis.tls.trust-certificate-pem", server.tlsMaterial().otherCaCertPem().toString());
            run(sample, container -> assertThatThrownBy(() -> defaultClient(container).execute(ReplyType.STRING, "PING"))
                    .isInstanceOf(dev.rediscdi.RedisConnectionException.class));
        }
    }

    @Test
    @Covers("mutual-tls.properties")
    void mutualTls() {
        RedisBinary.assumeTls();
        try (RedisServer server = RedisServer.builder().tlsClientAuth(true).aclUser("app", PASSWORD, "~* &* +@all")
                .disableDefaultUser().start()) {
            TlsMaterial tls = server.tlsMaterial();
            Sample sample = Sample.load("mutual-tls.properties").replace("redis.hosts", hosts -> retarget(hosts, server))
                    .environment("REDIS_PASSWORD", PASSWORD)
                    .replace("redis.tls.trust-certificate-pem", tls.caCertPem().toString())
                    .replace("redis.tls.key-certificate-pem", tls.clientCertPem().toString())
                    .replace("redis.tls.key-pem", tls.clientKeyPem().toString());
            run(sample, container -> {
                BlockingRedisClient redis = defaultClient(container);
                pingSetGet(redis);
                assertThat(redis.execute(ReplyType.STRING, "ACL", "WHOAMI")).isEqualTo("app");
            });
        }
    }

    @Test
    @Covers("tls-keystores.properties")
    void tlsKeyStores() {
        RedisBinary.assumeTls();
        try (RedisServer server = RedisServer.builder().tlsClientAuth(true).password(PASSWORD).start()) {
            TlsMaterial tls = server.tlsMaterial();
            // As shipped (types from the extensions), then with the explicit type lines uncommented.
            for (boolean optionalLines : new boolean[] { false, true }) {
                Sample sample = Sample.load("tls-keystores.properties").replace("redis.hosts", hosts -> retarget(hosts, server))
                        .environment("REDIS_PASSWORD", PASSWORD)
                        .environment("REDIS_TRUST_STORE_PASSWORD", tls.storePassword())
                        .environment("REDIS_KEY_STORE_PASSWORD", tls.storePassword())
                        .replace("redis.tls.trust-store", tls.trustStoreP12().toString())
                        .replace("redis.tls.key-store", tls.clientKeyStoreJks().toString());
                run(optionalLines ? sample.withOptionalLines() : sample, container -> pingSetGet(defaultClient(container)));
            }
        }
    }

    @Test
    @Covers("named-clients.properties")
    void namedClientsUseTheirOwnDatabases() {
        try (RedisServer server = RedisServer.builder().password(PASSWORD).start()) {
            Sample sample = Sample.load("named-clients.properties")
                    .replace("redis.hosts", hosts -> retarget(hosts, server))
                    .replace("redis.cache.hosts", hosts -> retarget(hosts, server))
                    .replace("redis.sessions.hosts", hosts -> retarget(hosts, server))
                    .environment("REDIS_PASSWORD", PASSWORD);
            run(sample, container -> {
                BlockingRedisClient redis = defaultClient(container);
                BlockingRedisClient cache = container.select(BlockingRedisClient.class, NamedRedisClient.Literal.of("cache")).get();
                BlockingRedisClient sessions = container.select(BlockingRedisClient.class, NamedRedisClient.Literal.of("sessions")).get();
                assertThat(List.of(redis.name(), cache.name(), sessions.name())).doesNotHaveDuplicates();
                List<BlockingRedisClient> clients = List.of(redis, cache, sessions);
                String key = "shared-key:" + UUID.randomUUID();
                for (int db = 0; db < clients.size(); db++) {
                    BlockingRedisClient client = clients.get(db);
                    pingSetGet(client);
                    assertThat(clientInfo(client)).as("CLIENT INFO of client " + db).contains(" db=" + db + " ");
                    client.send("SET", key, "db" + db);
                }
                for (int db = 0; db < clients.size(); db++) {
                    assertThat(clients.get(db).execute(ReplyType.STRING, "GET", key)).as("the same key in database " + db)
                            .isEqualTo("db" + db);
                }
                assertThat(clientInfo(sessions)).contains("name=sessions");
            });
        }
    }

    @Test
    @Covers("timeouts-and-pool.properties")
    void timeoutsAndPool() {
        try (RedisServer server = RedisServer.builder().start()) {
            Sample sample = Sample.load("timeouts-and-pool.properties").replace("redis.hosts", hosts -> retarget(hosts, server));
            run(sample, container -> {
                pingSetGet(defaultClient(container));
                RedisClient async = container.select(RedisClient.class).get();
                String counter = "counter:" + UUID.randomUUID();
                List<CompletableFuture<Long>> increments = new ArrayList<>();
                for (int i = 0; i < 2_000; i++) {
                    increments.add(async.execute(ReplyType.LONG, "INCR", counter).toCompletableFuture());
                }
                try {
                    CompletableFuture.allOf(increments.toArray(CompletableFuture[]::new)).get(30, TimeUnit.SECONDS);
                } catch (Exception e) {
                    throw new AssertionError("2,000 concurrent INCR did not all succeed", e);
                }
                assertThat(defaultClient(container).execute(ReplyType.LONG, "GET", counter)).isEqualTo(2_000L);
            });
        }
    }

    private RedisServer unixSocketServer(Path socket, boolean withPassword) {
        RedisServer.Builder builder = RedisServer.builder().config("unixsocket", socket.toString()).config("unixsocketperm", "700");
        return (withPassword ? builder.password(PASSWORD) : builder).start();
    }

    private Path socketPath() throws Exception {
        // A short path: unix socket paths are limited to about 100 bytes.
        Path directory = Files.createTempDirectory(Path.of("/tmp"), "rs");
        directory.toFile().deleteOnExit();
        return directory.resolve("redis.sock");
    }

    @Test
    @Covers("unix-socket.properties")
    void unixSocket() throws Exception {
        assumeTrue(Epoll.isAvailable(), "Netty's epoll transport is not available on this machine");
        Path socket = socketPath();
        try (RedisServer server = unixSocketServer(socket, false)) {
            assertThat(socket).exists();
            Sample sample = Sample.load("unix-socket.properties").replace("redis.hosts", "unix://" + socket);
            run(sample, container -> {
                BlockingRedisClient redis = defaultClient(container);
                pingSetGet(redis);
                assertThat(clientInfo(redis)).as("connected through the socket, database 0")
                        .contains("addr=" + socket).contains(" db=0 ");
            });
        } finally {
            Files.deleteIfExists(socket);
            Files.deleteIfExists(socket.getParent());
        }
    }

    @Test
    @Covers("unix-socket.properties")
    void unixSocketWithThePasswordLine() throws Exception {
        assumeTrue(Epoll.isAvailable(), "Netty's epoll transport is not available on this machine");
        Path socket = socketPath();
        try (RedisServer server = unixSocketServer(socket, true)) {
            Sample sample = Sample.load("unix-socket.properties").withOptionalLines()
                    .replace("redis.hosts", "unix://" + socket).environment("REDIS_PASSWORD", PASSWORD);
            run(sample, container -> {
                BlockingRedisClient redis = defaultClient(container);
                pingSetGet(redis);
                assertThat(clientInfo(redis)).contains("addr=" + socket);
            });
        } finally {
            Files.deleteIfExists(socket);
            Files.deleteIfExists(socket.getParent());
        }
    }
}
