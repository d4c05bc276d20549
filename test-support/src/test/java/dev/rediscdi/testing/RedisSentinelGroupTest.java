package dev.rediscdi.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Optional;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RedisSentinelGroupTest {

    private static RedisSentinelGroup group;

    @BeforeAll
    static void start() {
        group = RedisSentinelGroup.builder().masterName("cdi-master").replicas(1).start();
    }

    @AfterAll
    static void stop() {
        if (group != null) {
            group.close();
        }
    }

    @Test
    @Order(1)
    void sentinelsReportThePrimary() {
        RedisServer primary = group.nodes().get(0);
        assertThat(group.sentinels()).hasSize(3).allMatch(RedisServer::isSentinel);
        assertThat(group.sentinelUris()).hasSize(3).allMatch(uri -> uri.startsWith("redis://127.0.0.1:"));
        assertThat(group.currentPrimaryPort()).isEqualTo(primary.port());
        assertThat(group.configEpoch()).as("no failover yet").isZero();
        assertThat(group.primary()).isSameAs(primary);
        assertThat(group.replicas()).containsExactly(group.nodes().get(1));
        for (RedisServer sentinel : group.sentinels()) {
            assertThat(sentinel.command("SENTINEL", "get-master-addr-by-name", "cdi-master"))
                    .isEqualTo("127.0.0.1\n" + primary.port());
        }
    }

    @Test
    @Order(2)
    void failoverPromotesTheReplica() {
        RedisServer oldPrimary = group.primary();
        RedisServer replica = group.replicas().get(0);
        long oldPid = oldPrimary.pid();
        long start = System.nanoTime();
        int newPort = group.failover();
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        System.out.println("sentinel failover took " + took.toMillis() + " ms");

        assertThat(newPort).isEqualTo(replica.port());
        assertThat(ProcessHandle.of(oldPid).map(ProcessHandle::isAlive)).isNotEqualTo(Optional.of(true));
        assertThat(oldPrimary.isRunning()).isFalse();
        assertThat(group.currentPrimaryPort()).isEqualTo(newPort);
        assertThat(group.configEpoch()).as("one failover").isEqualTo(1);
        assertThat(group.primary()).isSameAs(replica);
        assertThat(replica.command("INFO", "replication")).contains("role:master");
        assertThat(replica.command("SET", "after-failover", "written")).isEqualTo("OK");
        assertThat(replica.command("GET", "after-failover")).isEqualTo("written");
        assertThat(took).isLessThan(Duration.ofSeconds(20));
    }

    @Test
    @Order(3)
    void restartStoppedNodesBringsTheOldPrimaryBackAsAReplica() {
        RedisServer oldPrimary = group.nodes().get(0);
        group.restartStoppedNodes();
        assertThat(oldPrimary.isRunning()).isTrue();
        assertThat(group.primary()).isSameAs(group.nodes().get(1));
        assertThat(group.replicas()).containsExactly(oldPrimary);
        assertThat(oldPrimary.command("INFO", "replication"))
                .contains("role:slave", "master_port:" + group.primary().port(), "master_link_status:up");
        assertThat(group.primary().command("INFO", "replication")).as("the primary counts it for WAIT")
                .contains("slave0:ip=127.0.0.1,port=" + oldPrimary.port() + ",state=online");
    }
}
