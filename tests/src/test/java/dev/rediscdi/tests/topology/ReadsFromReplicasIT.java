package dev.rediscdi.tests.topology;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;

import org.jboss.weld.environment.se.WeldContainer;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import dev.rediscdi.RedisClient;
import dev.rediscdi.ReplyType;
import dev.rediscdi.testing.RedisCluster;
import dev.rediscdi.testing.RedisReplication;
import dev.rediscdi.testing.RedisServer;
import dev.rediscdi.tests.Containers;
import dev.rediscdi.tests.Eventually;
import dev.rediscdi.tests.TestConfig;

/**
 * With {@code replicas=always} or {@code share}, reads go to replicas and writes never: counted on each node by
 * Redis itself ({@code INFO commandstats}, reset before), not by the client.
 */
class ReadsFromReplicasIT {
    private static final int COMMANDS = 200;
    private static final Pattern CALLS = Pattern.compile("calls=(\\d+),.*rejected_calls=(\\d+),failed_calls=(\\d+)");

    @ParameterizedTest
    @ValueSource(strings = {"always", "share"})
    void shouldSendReadsToReplicasAndWritesToThePrimary(String replicas) throws Exception {
        RedisReplication replication = SharedTopologies.replication();
        // the driver reads to the replicas the primary lists as state=online when the client connects (it skips the
        // others for the connection's life): a group just started may list a replica still synchronizing
        int replicaCount = replication.replicas().size();
        Eventually.get(Duration.ofSeconds(10), () -> {
            String info = replication.primary().command("INFO", "replication");
            if (info.split("state=online", -1).length - 1 != replicaCount) {
                throw new IllegalStateException("not every replica is online yet: " + info);
            }
            return true;
        });
        try (TestConfig config = SharedTopologies.replicationClient(replication, "redis.replicas", replicas)) {
            List<String> keys = writeThenRead(replication.nodes(), () -> replication.awaitReplicasInSync(Duration.ofSeconds(5)));

            Calls primary = Calls.of(replication.primary());
            List<Calls> onReplicas = replication.replicas().stream().map(Calls::of).toList();
            assertThat(primary.sets()).as("SETs run by the primary").isEqualTo(COMMANDS);
            assertThat(onReplicas).allSatisfy(Calls::assertNoClientWrite);
            assertThat(primary.gets() + onReplicas.stream().mapToLong(Calls::gets).sum()).as("GETs run").isEqualTo(COMMANDS);
            assertThat(onReplicas).as("GETs on each replica").allSatisfy(node -> assertThat(node.gets()).isPositive());
            if (replicas.equals("always")) {
                assertThat(primary.gets()).as("GETs on the primary").isZero();
            } else {
                assertThat(primary.gets()).as("GETs on the primary").isPositive();
            }
            assertThat(keys).hasSize(COMMANDS);
        }
    }

    @Test
    void shouldSendReadsToTheReplicasOfAClusterWithReplicasAlways() throws Exception {
        RedisCluster cluster = SharedTopologies.cluster();
        awaitReplicasInSlotMap(cluster);
        try (TestConfig config = SharedTopologies.clusterClient(cluster, "redis.replicas", "always")) {
            writeThenRead(cluster.nodes(), () -> cluster.awaitReplicasInSync(Duration.ofSeconds(5)));

            List<Calls> primaries = cluster.primaries().stream().map(Calls::of).toList();
            List<Calls> replicas = cluster.replicas().stream().map(Calls::of).toList();
            assertThat(primaries.stream().mapToLong(Calls::sets).sum()).as("SETs run by the primaries").isEqualTo(COMMANDS);
            assertThat(primaries).as("GETs on each primary").allSatisfy(node -> assertThat(node.gets()).isZero());
            assertThat(replicas).as("GETs on each replica").allSatisfy(node -> assertThat(node.gets()).isPositive());
            assertThat(replicas.stream().mapToLong(Calls::gets).sum()).as("GETs run by the replicas").isEqualTo(COMMANDS);
            assertThat(replicas).allSatisfy(Calls::assertNoClientWrite);
        }
    }

    /**
     * Redis 7 leaves a replica out of {@code CLUSTER SLOTS} until it has replicated something (a non-zero offset), and
     * the client learns where replicas are only from that map: on a cluster nothing was ever written to, reads go to
     * the primaries. Writes one key on every primary and waits (at most 10 s) until every node lists every replica.
     */
    private static void awaitReplicasInSlotMap(RedisCluster cluster) throws InterruptedException {
        for (RedisServer primary : cluster.primaries()) {
            String key = IntStream.range(0, 1_000).mapToObj(i -> "warm-up:" + i).filter(k -> cluster.primaryForKey(k) == primary)
                    .findFirst().orElseThrow();
            primary.command("SET", key, "1");
        }
        cluster.awaitReplicasInSync(Duration.ofSeconds(5));
        List<RedisServer> replicas = cluster.replicas();
        Eventually.get(Duration.ofSeconds(10), () -> {
            for (RedisServer node : cluster.nodes()) {
                String slots = node.isRunning() ? node.command("CLUSTER", "SLOTS") : "";
                for (RedisServer replica : replicas) {
                    if (node.isRunning() && !slots.contains("\n" + replica.port() + "\n")) {
                        throw new IllegalStateException(node + " does not list replica " + replica + " yet");
                    }
                }
            }
            return true;
        });
    }

    /** Resets every node's statistics, then SETs and (once replicated) GETs {@value #COMMANDS} keys through the client. */
    private static List<String> writeThenRead(List<RedisServer> nodes, Runnable awaitReplicated) throws Exception {
        nodes.stream().filter(RedisServer::isRunning).forEach(node -> node.command("CONFIG", "RESETSTAT"));
        WeldContainer container = Containers.boot();
        try {
            RedisClient redis = container.select(RedisClient.class).get();
            String prefix = "replica-reads:" + UUID.randomUUID() + ":";
            List<String> keys = new ArrayList<>();
            List<CompletableFuture<?>> writes = new ArrayList<>();
            for (int i = 0; i < COMMANDS; i++) {
                keys.add(prefix + i);
                writes.add(redis.send("SET", prefix + i, "v" + i).toCompletableFuture());
            }
            CompletableFuture.allOf(writes.toArray(CompletableFuture[]::new)).get(10, TimeUnit.SECONDS);
            awaitReplicated.run();
            for (int i = 0; i < COMMANDS; i++) {
                assertThat(redis.execute(ReplyType.STRING, "GET", keys.get(i)).toCompletableFuture().get(5, TimeUnit.SECONDS))
                        .isEqualTo("v" + i);
            }
            return keys;
        } finally {
            container.shutdown();
        }
    }

    /** What one node ran, by its own {@code INFO commandstats} and {@code INFO errorstats}. */
    private record Calls(RedisServer node, long gets, long sets, long refusedSets, String errors) {

        static Calls of(RedisServer node) {
            String stats = node.command("INFO", "commandstats");
            long[] get = calls(stats, "get");
            long[] set = calls(stats, "set");
            return new Calls(node, get[0], set[0], set[1] + set[2], node.command("INFO", "errorstats"));
        }

        private static long[] calls(String stats, String command) {
            for (String line : stats.split("\r?\n")) {
                if (line.startsWith("cmdstat_" + command + ":")) {
                    Matcher matcher = CALLS.matcher(line);
                    if (matcher.find()) {
                        return new long[] {Long.parseLong(matcher.group(1)), Long.parseLong(matcher.group(2)),
                                Long.parseLong(matcher.group(3))};
                    }
                }
            }
            return new long[3];
        }

        /** A replica runs the SETs its primary streams to it; one sent by a client would have been refused (READONLY). */
        void assertNoClientWrite() {
            assertThat(refusedSets).as("SETs refused by replica %s", node).isZero();
            assertThat(errors).as("errors on replica %s", node).doesNotContain("READONLY");
        }
    }
}
