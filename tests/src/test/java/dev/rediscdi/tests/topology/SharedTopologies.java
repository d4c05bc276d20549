package dev.rediscdi.tests.topology;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import dev.rediscdi.testing.RedisCluster;
import dev.rediscdi.testing.RedisReplication;
import dev.rediscdi.testing.RedisSentinelGroup;
import dev.rediscdi.testing.SharedRedisTopologies;
import dev.rediscdi.tests.TestConfig;

/**
 * The topologies of this package (and of tests elsewhere that need one), each started once per test JVM and reused by
 * every class that needs it (a failover test leaves the roles changed: ask the topology for its current primary, never
 * remember one). Nodes a test killed are restarted on the next get.
 */
public final class SharedTopologies {
    private static final String NAME = "topology";

    private SharedTopologies() {
    }

    /** A primary, two replicas and three Sentinels: after a failover a replica is still there to confirm writes. */
    static RedisSentinelGroup sentinelGroup() {
        return SharedRedisTopologies.sentinelGroup(NAME, () -> RedisSentinelGroup.builder().replicas(2));
    }

    /**
     * Three primaries with a replica each; a primary is declared failed after {@code cluster-node-timeout} 1 s (the
     * harness default is 2 s, Redis' own 15 s): a failover then takes the cluster itself about 3 s.
     */
    public static RedisCluster cluster() {
        return SharedRedisTopologies.cluster(NAME, () -> RedisCluster.builder().nodeTimeout(Duration.ofMillis(1000)));
    }

    /** A primary and two replicas, without Sentinel. */
    static RedisReplication replication() {
        return SharedRedisTopologies.replication(NAME, () -> RedisReplication.builder().replicas(2));
    }

    /** The default client on the Sentinels of {@code group}, plus {@code more} keys and values. */
    static TestConfig sentinelClient(RedisSentinelGroup group, String... more) {
        return config(List.of("redis.hosts", String.join(",", group.sentinelUris()), "redis.client-type", "sentinel",
                "redis.master-name", group.masterName()), more);
    }

    /** The default client on every node of {@code cluster}, plus {@code more} keys and values. */
    public static TestConfig clusterClient(RedisCluster cluster, String... more) {
        return config(List.of("redis.hosts", String.join(",", cluster.uris()), "redis.client-type", "cluster"), more);
    }

    /** The default client on the primary and the replicas of {@code replication}, plus {@code more} keys and values. */
    static TestConfig replicationClient(RedisReplication replication, String... more) {
        return config(List.of("redis.hosts", String.join(",", replication.uris()), "redis.client-type", "replication"), more);
    }

    private static TestConfig config(List<String> base, String... more) {
        List<String> all = new ArrayList<>(base);
        all.addAll(List.of(more));
        return TestConfig.of(all.toArray(String[]::new));
    }
}
