package dev.rediscdi.testing;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class SharedRedisTopologiesTest {

    @RegisterExtension
    static final RedisTopologyExtension<RedisReplication> OWN =
            new RedisTopologyExtension<>(() -> RedisReplication.builder().replicas(1).start());

    @Test
    void sameReplicationByNameWithStoppedNodesRestarted() {
        RedisReplication first = SharedRedisTopologies.replication("shared-test", () -> RedisReplication.builder().replicas(1));
        assertThat(SharedRedisTopologies.replication("shared-test", RedisReplication::builder)).isSameAs(first);
        RedisServer replica = first.replicas().get(0);
        int port = replica.port();
        replica.kill();
        RedisReplication again = SharedRedisTopologies.replication("shared-test", RedisReplication::builder);
        assertThat(again).isSameAs(first);
        assertThat(replica.isRunning()).isTrue();
        assertThat(replica.port()).isEqualTo(port);
        assertThat(replica.command("INFO", "replication")).contains("master_link_status:up");
    }

    @Test
    void extensionStartsATopologyForTheClassAndResolvesIt(RedisReplication replication) {
        assertThat(replication).isSameAs(OWN.get());
        assertThat(replication.primary().command("PING")).isEqualTo("PONG");
    }
}
