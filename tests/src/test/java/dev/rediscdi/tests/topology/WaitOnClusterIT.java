package dev.rediscdi.tests.topology;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

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

    /** The README's sample of a write confirmed by a replica, shown verbatim and run below. */
    private static final String README_SAMPLE = """
            redis.withConnection(connection -> connection.send("SET", "order:1", "paid")
                    .thenCompose(ok -> connection.execute(ReplyType.LONG, "WAIT", 1, 100)))   // replicas that have the write
            """;

    @Test
    void shouldRunTheReadmeSampleOnTheWritesPrimary() throws Exception {
        Matcher block = Pattern.compile("<!-- confirmed-write -->\\s*```java\\n(.*?)```", Pattern.DOTALL)
                .matcher(Files.readString(Path.of("..", "README.md")));
        assertThat(block.find()).as("README has a java block after <!-- confirmed-write -->").isTrue();
        assertThat(block.group(1)).isEqualTo(README_SAMPLE);

        RedisCluster cluster = SharedTopologies.cluster();
        // a test before may have restarted a node of the shared cluster: a replica still catching up acknowledges
        // nothing within the sample's 100 ms
        cluster.awaitReplicasInSync(Duration.ofSeconds(10));
        try (TestConfig config = SharedTopologies.clusterClient(cluster)) {
            WeldContainer container = Containers.boot();
            try {
                RedisClient redis = container.select(RedisClient.class).get();
                // on a loaded machine a replica may take longer than the sample's 100 ms to acknowledge (five tries once
                // all counted 0 on a host at 30-40% steal time): tries; sent anywhere but the write's primary, WAIT
                // would count 0 every time
                Long replicas = 0L;
                for (int attempt = 0; attempt < 20 && replicas != 1L; attempt++) {
                    replicas = redis.withConnection(connection -> connection.send("SET", "order:1", "paid")
                            .thenCompose(ok -> connection.execute(ReplyType.LONG, "WAIT", 1, 100)))   // replicas that have the write
                            .toCompletableFuture().get(5, TimeUnit.SECONDS);
                }
                assertThat(replicas).as("replicas that acknowledged the write, in 20 tries").isEqualTo(1L);
                assertThat(cluster.primaryForKey("order:1").command("GET", "order:1")).isEqualTo("paid");
            } finally {
                container.shutdown();
            }
        }
    }

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
