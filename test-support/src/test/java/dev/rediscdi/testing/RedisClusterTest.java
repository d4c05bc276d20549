package dev.rediscdi.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Optional;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RedisClusterTest {

    private static RedisCluster cluster;

    @BeforeAll
    static void start() {
        long start = System.nanoTime();
        cluster = RedisCluster.builder().start();
        System.out.println("cluster created in " + Duration.ofNanos(System.nanoTime() - start).toMillis() + " ms");
    }

    @AfterAll
    static void stop() {
        if (cluster != null) {
            cluster.close();
        }
    }

    @Test
    @Order(1)
    void keySlotsAsRedisComputesThem() {
        assertThat(RedisCluster.keySlot("123456789")).isEqualTo(0x31C3 & 16383);
        assertThat(RedisCluster.keySlot("{user1000}.following")).isEqualTo(RedisCluster.keySlot("user1000"));
        assertThat(RedisCluster.keySlot("foo{}{bar}")).isEqualTo(RedisCluster.keySlot("foo{}{bar}"));
        RedisServer any = cluster.nodes().get(0);
        for (String key : new String[] {"a", "foo", "{user1000}.following", "foo{}{bar}", "foo{{bar}}zap", "{a}b", "ключ"}) {
            assertThat(RedisCluster.keySlot(key)).as(key).isEqualTo(Integer.parseInt(any.command("CLUSTER", "KEYSLOT", key)));
        }
    }

    @Test
    @Order(2)
    void clusterIsOkWithThreePrimariesAndThreeReplicas() {
        assertThat(cluster.nodes()).hasSize(6);
        assertThat(cluster.uris()).hasSize(6).allMatch(uri -> uri.startsWith("redis://127.0.0.1:"));
        assertThat(cluster.primaries()).hasSize(3);
        assertThat(cluster.replicas()).hasSize(3);
        for (RedisServer node : cluster.nodes()) {
            assertThat(node.command("CLUSTER", "INFO")).contains("cluster_state:ok", "cluster_known_nodes:6",
                    "cluster_size:3");
        }
        for (RedisServer primary : cluster.primaries()) {
            assertThat(cluster.replicaOf(primary)).isPresent();
        }
    }

    @Test
    @Order(3)
    void keyWrittenOnItsPrimaryIsReadableThereAndMovedElsewhere() {
        String key = "cluster-key";
        RedisServer primary = cluster.primaryForKey(key);
        assertThat(primary.command("SET", key, "v")).isEqualTo("OK");
        assertThat(primary.command("GET", key)).isEqualTo("v");
        RedisServer wrong = cluster.primaries().stream().filter(p -> p != primary).findFirst().orElseThrow();
        assertThatThrownBy(() -> wrong.command("SET", key, "w"))
                .isInstanceOf(RedisCommandException.class)
                .hasMessage("MOVED " + RedisCluster.keySlot(key) + " 127.0.0.1:" + primary.port());
    }

    @Test
    @Order(4)
    void migrateSlotMovesTheKeys() {
        String key = "{migrated}key";
        int slot = RedisCluster.keySlot(key);
        RedisServer source = cluster.primaryForSlot(slot);
        source.command("SET", key, "moved");
        RedisServer target = cluster.primaries().stream().filter(p -> p != source).findFirst().orElseThrow();
        cluster.migrateSlot(slot, target);
        assertThat(cluster.primaryForSlot(slot)).isSameAs(target);
        assertThat(target.command("GET", key)).isEqualTo("moved");
        assertThatThrownBy(() -> source.command("GET", key)).hasMessageStartingWith("MOVED " + slot);
    }

    @Test
    @Order(4)
    void migrateSlotMovesTheKeysAFewAtATime() {
        int slot = RedisCluster.keySlot("{few}");
        RedisServer source = cluster.primaryForSlot(slot);
        for (int i = 0; i < 7; i++) {
            source.command("SET", "{few}" + i, "v" + i);
        }
        RedisServer target = cluster.primaries().stream().filter(p -> p != source).findFirst().orElseThrow();
        cluster.migrateSlot(slot, target, 2, Duration.ofSeconds(10));
        assertThat(cluster.primaryForSlot(slot)).isSameAs(target);
        assertThat(target.command("CLUSTER", "COUNTKEYSINSLOT", Integer.toString(slot))).isEqualTo("7");
        assertThat(target.command("GET", "{few}6")).isEqualTo("v6");
        assertThatThrownBy(() -> cluster.migrateSlot(slot, source, 0, Duration.ofSeconds(10)))
                .hasMessage("keys per MIGRATE: 1 to 1000, not 0");
    }

    @Test
    @Order(5)
    void killReplicaOfLeavesItsPrimaryWithoutReplica() {
        RedisServer primary = cluster.primaryForKey("lonely");
        RedisServer killed = cluster.killReplicaOf(primary);
        assertThat(killed.isRunning()).isFalse();
        assertThat(cluster.replicaOf(primary)).isEmpty();
        assertThat(primary.command("SET", "lonely", "1")).isEqualTo("OK");
        assertThat(primary.command("WAIT", "1", "100")).isEqualTo("0");
        assertThat(primary.command("CLUSTER", "SLOTS")).doesNotContain(Integer.toString(killed.port()));
        cluster.restartStoppedNodes();
        assertThat(cluster.replicaOf(primary)).contains(killed);
    }

    @Test
    @Order(5)
    void killPrimaryOfPromotesItsReplica() {
        String key = "survivor";
        RedisServer old = cluster.primaryForKey(key);
        old.command("SET", key, "kept");
        RedisServer replica = cluster.replicaOf(old).orElseThrow();
        long pid = old.pid();
        cluster.awaitReplicasInSync(Duration.ofSeconds(5));

        long start = System.nanoTime();
        RedisServer promoted = cluster.killPrimaryOf(key);
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        System.out.println("cluster failover took " + took.toMillis() + " ms");

        assertThat(took).isLessThan(Duration.ofSeconds(15));
        assertThat(promoted).isSameAs(replica);
        assertThat(ProcessHandle.of(pid).map(ProcessHandle::isAlive)).isNotEqualTo(Optional.of(true));
        assertThat(cluster.primaryForKey(key)).isSameAs(replica);
        assertThat(replica.command("CLUSTER", "INFO")).contains("cluster_state:ok");
        assertThat(replica.command("GET", key)).isEqualTo("kept");
        assertThat(replica.command("SET", key, "new")).isEqualTo("OK");
    }

    @Test
    @Order(6)
    void restartStoppedNodesBringsTheOldPrimaryBackAsAReplica() {
        RedisServer down = cluster.nodes().stream().filter(n -> !n.isRunning()).findFirst().orElseThrow();
        cluster.restartStoppedNodes();
        assertThat(down.isRunning()).isTrue();
        assertThat(cluster.replicas()).contains(down);
        assertThat(cluster.primaries()).hasSize(3);
        RedisServer primary = cluster.primaries().stream()
                .filter(p -> cluster.replicaOf(p).filter(down::equals).isPresent()).findFirst().orElseThrow();
        assertThat(down.command("INFO", "replication"))
                .contains("role:slave", "master_port:" + primary.port(), "master_link_status:up");
        String downId = cluster.nodeId(down);
        String primaryId = cluster.nodeId(primary);
        for (RedisServer node : cluster.nodes()) {
            RedisCluster.ClusterNode seen = RedisCluster.parseNodes(node.command("CLUSTER", "NODES")).get(downId);
            assertThat(seen.flags()).as("%s as %s sees it", down, node).contains("slave").doesNotContain("fail");
            assertThat(seen.masterId()).as("primary of %s as %s sees it", down, node).isEqualTo(primaryId);
        }
    }
}
