package dev.rediscdi.tests.topology;

import static dev.rediscdi.tests.topology.ShardedPubSubOnClusterIT.expect;
import static dev.rediscdi.tests.topology.ShardedPubSubOnClusterIT.shardSubscribers;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import org.jboss.weld.environment.se.WeldContainer;
import org.junit.jupiter.api.Test;

import dev.rediscdi.RedisClient;
import dev.rediscdi.RedisMessage;
import dev.rediscdi.ScanArgs;
import dev.rediscdi.testing.RedisCluster;
import dev.rediscdi.testing.RedisServer;
import dev.rediscdi.tests.Containers;
import dev.rediscdi.tests.Eventually;
import dev.rediscdi.tests.RecordingListener;
import dev.rediscdi.tests.TestConfig;

/**
 * The connections a cluster client opens to one node of its own (a shard channel's subscription connection, a SCAN
 * page's client) last as long as the client needs that node: one left with no shard channel, or no longer a primary,
 * is closed, so that nodes replaced at new addresses leave no connection (and no reconnection) behind.
 */
class NodeConnectionsOnClusterIT {

    /**
     * The only shard channel on a node moves away with its slot: the node's subscription connection closes; once the
     * slot comes back, a new connection there carries the channel again.
     */
    @Test
    void shouldCloseTheSubscriptionConnectionOfANodeLeftWithoutShardChannels() throws Exception {
        RedisCluster cluster = SharedTopologies.cluster();
        String channel = "leaving:" + UUID.randomUUID();
        int slot = RedisCluster.keySlot(channel);
        String name = "leaving-" + UUID.randomUUID().toString().substring(0, 8);
        try (TestConfig config = SharedTopologies.clusterClient(cluster, "redis.client-name", name, "redis.reconnect-max-delay", "500ms")) {
            WeldContainer container = Containers.boot();
            RedisServer source = cluster.primaryForSlot(slot);
            try {
                RedisClient redis = container.select(RedisClient.class).get();
                RecordingListener listener = new RecordingListener();
                redis.ssubscribe(listener, channel).toCompletableFuture().get(5, TimeUnit.SECONDS);
                Set<String> subscribed = connectionIds(source, name, line -> line.contains(" ssub=1 "));
                assertThat(subscribed).as("the subscription connection on %s (%s)", source, source.command("CLIENT", "LIST")).hasSize(1);

                RedisServer target = cluster.primaries().stream().filter(primary -> primary != source).findFirst().orElseThrow();
                cluster.migrateSlot(slot, target);
                Eventually.get(Duration.ofSeconds(10), () -> expect(shardSubscribers(target, channel), 1));
                assertThat(heard(redis, listener, channel, "on the new owner")).isTrue();

                Eventually.get(Duration.ofSeconds(5), () -> {
                    Set<String> open = connectionIds(source, name, line -> true);
                    open.retainAll(subscribed);
                    return expect(open.size(), 0);
                });

                cluster.migrateSlot(slot, source);
                Eventually.get(Duration.ofSeconds(10), () -> expect(shardSubscribers(source, channel), 1));
                assertThat(connectionIds(source, name, line -> line.contains(" ssub=1 "))).as("the new subscription connection on %s", source)
                        .hasSize(1).doesNotContainAnyElementsOf(subscribed);
                assertThat(heard(redis, listener, channel, "back on the first owner")).isTrue();
            } finally {
                container.shutdown();
                if (cluster.primaryForSlot(slot) != source) {
                    cluster.migrateSlot(slot, source);
                }
            }
        }
    }

    /**
     * A SCAN over the cluster reached every primary; one becomes a replica (a manual failover): the next SCAN, which
     * asks the cluster for its primaries, closes the client that scanned the former primary.
     */
    @Test
    void shouldCloseTheScanClientOfANodeThatIsNoLongerAPrimary() throws Exception {
        RedisCluster cluster = SharedTopologies.cluster();
        String prefix = "scanned:" + UUID.randomUUID() + ":";
        String name = "scanning-" + UUID.randomUUID().toString().substring(0, 8);
        Set<String> keys = new HashSet<>();
        for (int i = 0; i < 30; i++) {
            keys.add(prefix + i);
            cluster.primaryForKey(prefix + i).command("SET", prefix + i, "v");
        }
        try (TestConfig config = SharedTopologies.clusterClient(cluster, "redis.client-name", name)) {
            WeldContainer container = Containers.boot();
            try {
                RedisClient redis = container.select(RedisClient.class).get();
                ScanArgs mine = new ScanArgs().match(prefix + "*").count(4);
                assertThat(redis.keys().scan(mine).toList().toCompletableFuture().get(10, TimeUnit.SECONDS)).containsExactlyInAnyOrderElementsOf(keys);
                RedisServer old = cluster.primaries().get(0);
                Set<String> scanning = connectionIds(old, name, line -> line.contains(" cmd=scan "));
                assertThat(scanning).as("the SCAN client's connection on %s (%s)", old, old.command("CLIENT", "LIST")).isNotEmpty();

                RedisServer replica = cluster.replicaOf(old).orElseThrow();
                replica.command("CLUSTER", "FAILOVER");
                Eventually.get(Duration.ofSeconds(10), () -> everyNodeSeesAsReplica(cluster, old));
                cluster.awaitClusterOk();

                assertThat(redis.keys().scan(mine).toList().toCompletableFuture().get(10, TimeUnit.SECONDS)).containsExactlyInAnyOrderElementsOf(keys);
                Eventually.get(Duration.ofSeconds(5), () -> {
                    Set<String> open = connectionIds(old, name, line -> true);
                    open.retainAll(scanning);
                    return expect(open.size(), 0);
                });
            } finally {
                container.shutdown();
                cluster.awaitClusterOk();
            }
        }
    }

    /** Publishes on {@code channel} until the listener hears it (a moved slot may refuse the first SPUBLISH with MOVED). */
    private static boolean heard(RedisClient redis, RecordingListener listener, String channel, String what) throws Exception {
        for (int i = 0; i < 20; i++) {
            redis.send("SPUBLISH", channel, what + " " + i).toCompletableFuture().get(5, TimeUnit.SECONDS);
            RedisMessage message = listener.messages.poll(250, TimeUnit.MILLISECONDS);
            if (message != null) {
                return message.payloadAsString().startsWith(what);
            }
        }
        return false;
    }

    /** The ids of the connections to {@code node} named {@code name} whose {@code CLIENT LIST} line matches. */
    private static Set<String> connectionIds(RedisServer node, String name, Predicate<String> line) {
        Set<String> ids = new HashSet<>();
        for (String client : node.command("CLIENT", "LIST").split("\n")) {
            String padded = " " + client.trim() + " ";
            if (padded.contains(" name=" + name + " ") && line.test(padded)) {
                ids.add(padded.substring(padded.indexOf(" id=") + 4, padded.indexOf(' ', padded.indexOf(" id=") + 1)));
            }
        }
        return ids;
    }

    private static boolean everyNodeSeesAsReplica(RedisCluster cluster, RedisServer node) {
        String id = cluster.nodeId(node);
        for (RedisServer each : cluster.nodes()) {
            if (each.isRunning()) {
                List<String> seen = each.command("CLUSTER", "NODES").lines().filter(line -> line.startsWith(id + " ")).toList();
                if (seen.size() != 1 || !seen.get(0).contains("slave")) {
                    throw new IllegalStateException(each + " does not see " + node + " as a replica yet: " + seen);
                }
            }
        }
        return true;
    }
}
