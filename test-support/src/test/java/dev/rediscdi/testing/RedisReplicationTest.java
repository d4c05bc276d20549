package dev.rediscdi.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class RedisReplicationTest {

    private static RedisReplication replication;

    @BeforeAll
    static void start() {
        replication = RedisReplication.builder().replicas(2).password("s3cret pw").start();
    }

    @AfterAll
    static void stop() {
        if (replication != null) {
            replication.close();
        }
    }

    @Test
    void replicasAreLinkedToThePrimary() {
        assertThat(replication.replicas()).hasSize(2);
        assertThat(replication.uris()).hasSize(3).allMatch(uri -> uri.startsWith("redis://127.0.0.1:"));
        assertThat(replication.primary().command("INFO", "replication")).contains("role:master", "connected_slaves:2");
        for (RedisServer replica : replication.replicas()) {
            assertThat(replica.command("INFO", "replication"))
                    .contains("role:slave", "master_port:" + replication.primary().port(), "master_link_status:up");
        }
    }

    @Test
    void writeOnThePrimaryIsReadOnTheReplicas() {
        replication.primary().command("SET", "replicated", "yes");
        replication.awaitReplicasInSync(Duration.ofSeconds(5));
        for (RedisServer replica : replication.replicas()) {
            assertThat(replica.command("GET", "replicated")).isEqualTo("yes");
        }
    }

    @Test
    void replicasAreReadOnly() {
        RedisServer replica = replication.replicas().get(0);
        assertThatThrownBy(() -> replica.command("SET", "k", "v"))
                .isInstanceOf(RedisCommandException.class)
                .hasMessageStartingWith("READONLY");
    }

    @Test
    void closeStopsEveryNode() {
        RedisReplication own = RedisReplication.builder().replicas(1).start();
        long primaryPid = own.primary().pid();
        long replicaPid = own.replicas().get(0).pid();
        own.close();
        own.close();
        assertThat(ProcessHandle.of(primaryPid).map(ProcessHandle::isAlive)).isNotEqualTo(java.util.Optional.of(true));
        assertThat(ProcessHandle.of(replicaPid).map(ProcessHandle::isAlive)).isNotEqualTo(java.util.Optional.of(true));
    }
}
