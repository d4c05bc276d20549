package dev.rediscdi.tests.topology;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.logging.Logger;

import org.jboss.weld.environment.se.WeldContainer;
import org.junit.jupiter.api.Test;

import dev.rediscdi.RedisClient;
import dev.rediscdi.testing.RedisCluster;
import dev.rediscdi.testing.RedisServer;
import dev.rediscdi.tests.Containers;
import dev.rediscdi.tests.TestConfig;
import dev.rediscdi.tests.topology.SteadyWrites.Outcome;

/** A cluster primary killed ({@code kill -9}) during 3,000 writes: how long writes fail, and what survives. */
class ClusterFailoverUnderLoadIT {
    private static final Logger LOG = Logger.getLogger(ClusterFailoverUnderLoadIT.class.getName());
    private static final int WRITES = 3_000;
    private static final int TAGS = 48;

    @Test
    void shouldWriteAgainWithinFiveSecondsOfAPrimaryKilledAndKeepEveryConfirmedWrite() throws Exception {
        RedisCluster cluster = SharedTopologies.cluster();
        String prefix = "cluster-load:" + UUID.randomUUID() + ":";
        try (TestConfig config = SharedTopologies.clusterClient(cluster, "redis.timeout", "1s", "redis.circuit-breaker.delay", "1s",
                "redis.max-pool-size", "16", "redis.max-pool-waiting", "64")) {
            WeldContainer container = Containers.boot();
            try (SteadyWrites load = SteadyWrites.start(4, 400, WRITES, i -> key(prefix, i),
                    SteadyWrites.halfConfirmed(container.select(RedisClient.class).get(), 1))) {
                load.awaitIssued(WRITES / 3, Duration.ofSeconds(20));
                long kill = System.nanoTime();
                RedisServer promoted = cluster.killPrimaryOf(key(prefix, 0));
                Duration failover = Duration.ofNanos(System.nanoTime() - kill);
                load.awaitWritingAgain(kill, Duration.ofSeconds(15));
                load.awaitIssued(WRITES, Duration.ofSeconds(30));
                List<Outcome> outcomes = load.finish(Duration.ofSeconds(10));

                ErrorWindow window = ErrorWindow.of(outcomes, kill, Long.MAX_VALUE);
                Survival survival = Survival.check(outcomes, cluster::primaryForKey, RedisCluster::keySlot);
                LOG.info(() -> "Cluster, " + outcomes.size() + " writes, primary killed, replica promoted and agreed by every node after "
                        + failover.toMillis() + " ms: " + window + "; " + survival + window.timeline());

                assertThat(outcomes).hasSize(WRITES);
                assertThat(window.closed()).as("writes succeed again: %s%s", window, window.timeline()).isTrue();
                assertThat(window.length()).as("error window: %s%s", window, window.timeline()).isLessThan(Duration.ofSeconds(5));
                assertThat(survival.confirmedLost()).as("writes acknowledged and confirmed by WAIT, then lost").isEmpty();
            } finally {
                container.shutdown();
            }
        } finally {
            cluster.restartStoppedNodes();
        }
    }

    /** Keys over {@value #TAGS} hash tags, so that each tag's keys can be read back with one MGET. */
    static String key(String prefix, int index) {
        return "{" + prefix + index % TAGS + "}:" + index;
    }
}
