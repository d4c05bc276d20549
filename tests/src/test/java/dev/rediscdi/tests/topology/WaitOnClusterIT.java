package dev.rediscdi.tests.topology;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.jboss.weld.environment.se.WeldContainer;
import org.junit.jupiter.api.Test;

import dev.rediscdi.RedisClient;
import dev.rediscdi.ReplyType;
import dev.rediscdi.testing.RedisCluster;
import dev.rediscdi.testing.RedisServer;
import dev.rediscdi.tests.Containers;
import dev.rediscdi.tests.TestConfig;

/** {@code WAIT} after a write on a cluster counts the replicas of the write's own primary. */
class WaitOnClusterIT {

    @Test
    void shouldReportTheReplicasOfTheWritesPrimary() throws Exception {
        RedisCluster cluster = SharedTopologies.cluster();
        try (TestConfig config = SharedTopologies.clusterClient(cluster)) {
            WeldContainer container = Containers.boot();
            try {
                RedisClient redis = container.select(RedisClient.class).get();
                String prefix = "cluster-wait:" + UUID.randomUUID() + ":";
                RedisServer lonely = cluster.primaryForKey(prefix + 0);
                cluster.killReplicaOf(lonely);
                try {
                    int onLonely = 0;
                    for (int i = 0; i < 30; i++) {
                        String key = prefix + i;
                        boolean hasReplica = cluster.primaryForKey(key) != lonely;
                        onLonely += hasReplica ? 0 : 1;
                        Long replicas = redis.withConnection(connection -> connection.send("SET", key, "1")
                                .thenCompose(ok -> connection.execute(ReplyType.LONG, "WAIT", 1, 100)))
                                .toCompletableFuture().get(5, TimeUnit.SECONDS);
                        assertThat(replicas).as("replicas that have %s, whose primary %s a replica", key,
                                hasReplica ? "has" : "has lost").isEqualTo(hasReplica ? 1L : 0L);
                    }
                    assertThat(onLonely).as("keys on the primary without replica").isBetween(1, 29);
                } finally {
                    cluster.restartStoppedNodes();
                }
            } finally {
                container.shutdown();
            }
        }
    }
}
