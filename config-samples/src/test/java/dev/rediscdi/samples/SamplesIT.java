package dev.rediscdi.samples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.stream.Collectors;

import org.jboss.weld.environment.se.WeldContainer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import dev.rediscdi.BlockingRedisClient;
import dev.rediscdi.NamedRedisClient;
import dev.rediscdi.RedisCircuitOpenException;
import dev.rediscdi.RedisClient;
import dev.rediscdi.RedisConnectionException;
import dev.rediscdi.ReplyType;
import dev.rediscdi.ScanArgs;
import dev.rediscdi.testing.RedisBinary;
import dev.rediscdi.testing.RedisCluster;
import dev.rediscdi.testing.RedisReplication;
import dev.rediscdi.testing.RedisSentinelGroup;
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
    static final Map<String, String> VALIDATION_ONLY = Map.of();

    /** Bound of the waits for what replication carries (a read through the client, a replica catching up). */
    private static final Duration REPLICATION_WAIT = Duration.ofSeconds(5);

    private static final String PASSWORD = "pw-" + UUID.randomUUID();

    /** {@code scheme://host:port[/db]} of the sample with the host and port of the harness server. */
    private static String retarget(String hosts, RedisServer server) {
        assertThat(hosts).as("one address").doesNotContain(",");
        String retargeted = hosts.replaceFirst("^rediss?://[^/]+", server.uri());
        assertThat(retargeted).as("the sample's address is replaced").isNotEqualTo(hosts).doesNotContain(":6379");
        return retargeted;
    }

    /**
     * The sample's list of addresses replaced by the harness' own, one for one: the sample and the topology
     * have the same number of addresses, and none of the sample's hosts or ports survives.
     */
    private static String retargetAll(String hosts, List<String> uris) {
        List<String> original = List.of(hosts.split(","));
        assertThat(uris).as("as many harness addresses as " + hosts).hasSameSizeAs(original);
        String retargeted = String.join(",", uris);
        assertThat(retargeted).as("the sample's addresses are replaced").doesNotContain(".example.com").doesNotContain(":6379")
                .doesNotContain(":26379");
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
    @Covers("fault-tolerance.properties")
    void faultToleranceOpensTheBreakerWhileRedisIsDownAndClosesItAfterwards() {
        try (RedisServer server = RedisServer.builder().start()) {
            Sample sample = Sample.load("fault-tolerance.properties").replace("redis.hosts", hosts -> retarget(hosts, server));
            run(sample, container -> {
                BlockingRedisClient redis = defaultClient(container);
                pingSetGet(redis);
                server.stop();

                // 10 attempts judged (request-volume-threshold), half failed: open after a few calls of 3 attempts each
                List<Class<?>> failures = new ArrayList<>();
                for (int i = 0; i < 12; i++) {
                    failures.add(failureOf(() -> redis.execute(ReplyType.STRING, "GET", "k")).getClass());
                }
                assertThat(failures).as("while Redis is down").allMatch(failure -> failure == RedisConnectionException.class
                        || failure == RedisCircuitOpenException.class).contains(RedisCircuitOpenException.class);
                assertThat(failures.get(failures.size() - 1)).as("open: failing at once, nothing sent").isEqualTo(RedisCircuitOpenException.class);

                server.restart();
                // open for circuit-breaker.delay (5s), then trial commands; two successes close it (success-threshold)
                assertThat(awaitAnswer(redis, Duration.ofSeconds(15))).isEqualTo("PONG");
                pingSetGet(redis);
            });
        }
    }

    private static Throwable failureOf(Runnable call) {
        try {
            call.run();
        } catch (RuntimeException failure) {
            return failure;
        }
        throw new AssertionError("the call succeeded while Redis was stopped");
    }

    /** PINGs every 200 ms (bounded) until the breaker lets one through and it succeeds. */
    private static String awaitAnswer(BlockingRedisClient redis, Duration within) {
        long deadline = System.nanoTime() + within.toNanos();
        RuntimeException last = null;
        while (System.nanoTime() < deadline) {
            try {
                return redis.execute(ReplyType.STRING, "PING");
            } catch (RedisCircuitOpenException | RedisConnectionException notYet) {
                last = notYet;
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        throw new AssertionError("no answer within " + within + " after Redis came back", last);
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

    /**
     * sentinel.properties against a primary, one replica and three Sentinels (started once for the class), the
     * password line uncommented: the client asks the Sentinels for the primary, and writes land there.
     */
    @Nested
    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    class Sentinel {
        private RedisSentinelGroup group;

        @BeforeAll
        void start() {
            group = RedisSentinelGroup.builder().password(PASSWORD).start();
        }

        @AfterAll
        void stop() {
            if (group != null) {
                group.close();
            }
        }

        @Test
        @Covers("sentinel.properties")
        void writesLandOnThePrimaryTheSentinelsName() {
            Sample sample = Sample.load("sentinel.properties").withOptionalLines()
                    .replace("redis.hosts", hosts -> retargetAll(hosts, group.sentinelUris()))
                    .replace("redis.master-name", group.masterName())
                    .environment("REDIS_PASSWORD", PASSWORD);
            run(sample, container -> {
                BlockingRedisClient redis = defaultClient(container);
                pingSetGet(redis);
                String key = "sentinel:" + UUID.randomUUID();
                redis.send("SET", key, "on-primary");
                assertThat(group.currentPrimaryPort()).as("the primary the Sentinels name").isEqualTo(group.primary().port());
                assertThat(group.primary().command("GET", key)).isEqualTo("on-primary");
                assertThat(redis.send("ROLE").get(0)).as("redis.role=master").hasToString("master");
                assertThat(redis.execute(ReplyType.STRING, "GET", key)).isEqualTo("on-primary");
            });
        }
    }

    /**
     * cluster.properties against three primaries with a replica each (started once for the class), three of the
     * nodes as seeds and the password line uncommented: keys written through the client are on the primary that
     * owns their slot, and every primary gets some.
     */
    @Nested
    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    class Cluster {
        private RedisCluster cluster;

        @BeforeAll
        void start() {
            cluster = RedisCluster.builder().password(PASSWORD).start();
        }

        @AfterAll
        void stop() {
            if (cluster != null) {
                cluster.close();
            }
        }

        @Test
        @Covers("cluster.properties")
        void keysLandOnThePrimaryOwningTheirSlot() {
            List<String> seeds = cluster.primaries().stream().map(RedisServer::uri).toList();
            Sample sample = Sample.load("cluster.properties").withOptionalLines()
                    .replace("redis.hosts", hosts -> retargetAll(hosts, seeds))
                    .environment("REDIS_PASSWORD", PASSWORD);
            run(sample, container -> {
                BlockingRedisClient redis = defaultClient(container);
                assertThat(redis.execute(ReplyType.STRING, "PING")).isEqualTo("PONG");
                String prefix = "cluster:" + UUID.randomUUID() + ":";
                Set<Integer> owners = new TreeSet<>();
                for (int i = 0; i < 60; i++) {
                    String key = prefix + i;
                    redis.send("SET", key, "v" + i);
                    RedisServer owner = cluster.primaryForKey(key);
                    assertThat(owner.command("GET", key)).as(key + " (slot " + RedisCluster.keySlot(key) + ") on " + owner)
                            .isEqualTo("v" + i);
                    assertThat(redis.execute(ReplyType.STRING, "GET", key)).as("read back through the client").isEqualTo("v" + i);
                    owners.add(owner.port());
                }
                assertThat(owners).as("primaries that received keys")
                        .containsExactlyInAnyOrderElementsOf(cluster.primaries().stream().map(RedisServer::port)
                                .collect(Collectors.toSet()));
                assertThat(owners).hasSize(3);
                // a scan visits every primary over connections of its own, which carry the password too
                Set<String> scanned = new TreeSet<>();
                redis.keys().scan(new ScanArgs().match(prefix + "*").count(7)).forEach(scanned::add);
                assertThat(scanned).hasSize(60).allMatch(key -> key.startsWith(prefix));
                // so does the subscription connection, which goes to one node: what any primary publishes reaches it
                RedisClient async = container.select(RedisClient.class).get();
                LinkedBlockingQueue<String> heard = new LinkedBlockingQueue<>();
                async.subscribe(message -> heard.add(message.payloadAsString()), prefix + "news").toCompletableFuture()
                        .orTimeout(10, TimeUnit.SECONDS).join();
                for (RedisServer primary : cluster.primaries()) {
                    primary.command("PUBLISH", prefix + "news", "from " + primary.port());
                    assertThat(nextWithin(Duration.ofSeconds(5), heard)).isEqualTo("from " + primary.port());
                }
            });
        }
    }

    /**
     * replicas-for-reads.properties against a primary and two replicas (started once for the class; the sample
     * lists three nodes), the password line uncommented: writes land on the primary, a read through the client
     * (which may be served by a replica) returns the value within a bounded wait, and every replica holds it.
     */
    @Nested
    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    class Replication {
        private RedisReplication replication;

        @BeforeAll
        void start() {
            replication = RedisReplication.builder().replicas(2).password(PASSWORD).start();
        }

        @AfterAll
        void stop() {
            if (replication != null) {
                replication.close();
            }
        }

        @Test
        @Covers("replicas-for-reads.properties")
        void writesGoToThePrimaryAndReadsSeeThem() {
            Sample sample = Sample.load("replicas-for-reads.properties").withOptionalLines()
                    .replace("redis.hosts", hosts -> retargetAll(hosts, replication.uris()))
                    .environment("REDIS_PASSWORD", PASSWORD);
            run(sample, container -> {
                BlockingRedisClient redis = defaultClient(container);
                String key = "replicated:" + UUID.randomUUID();
                redis.send("SET", key, "yes");
                assertThat(replication.primary().command("GET", key)).as("the write is on the primary").isEqualTo("yes");
                assertThat(readUntilPresent(redis, key)).isEqualTo("yes");
                replication.awaitReplicasInSync(REPLICATION_WAIT);
                for (RedisServer replica : replication.replicas()) {
                    assertThat(replica.command("GET", key)).as("on replica " + replica).isEqualTo("yes");
                }
            });
        }

        /** GET through the client every 50 ms until it answers (a replica may lag), at most {@link #REPLICATION_WAIT}. */
        private String readUntilPresent(BlockingRedisClient redis, String key) {
            long deadline = System.nanoTime() + REPLICATION_WAIT.toNanos();
            while (true) {
                String value = redis.execute(ReplyType.STRING, "GET", key);
                if (value != null || System.nanoTime() > deadline) {
                    return value;
                }
                try {
                    Thread.sleep(50);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new AssertionError("interrupted", e);
                }
            }
        }
    }

    /** The next element of {@code queue}, or {@code null} if none comes within {@code timeout}. */
    private static String nextWithin(Duration timeout, LinkedBlockingQueue<String> queue) {
        try {
            return queue.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while waiting for a message", e);
        }
    }
}
