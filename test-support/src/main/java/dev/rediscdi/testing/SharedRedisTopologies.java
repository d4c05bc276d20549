package dev.rediscdi.testing;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Topologies shared by the test classes of one JVM, by name (like {@link SharedRedisServers}): started on first use;
 * on each later get, nodes found stopped or killed (e.g. by a failover test) are restarted first; killed by the
 * harness' shutdown hook when the JVM exits. Tests must not {@code close()} them. A test that changes roles
 * (failover) leaves them changed: ask {@code primary()}/{@code primaries()} rather than remembering a node.
 * <pre>
 * RedisCluster cluster = SharedRedisTopologies.cluster("default", RedisCluster::builder);
 * </pre>
 */
public final class SharedRedisTopologies {

    private static final Map<String, Object> TOPOLOGIES = new ConcurrentHashMap<>();

    private SharedRedisTopologies() {
    }

    /** The replication named {@code name}, started from {@code builder} the first time. */
    public static RedisReplication replication(String name, Supplier<RedisReplication.Builder> builder) {
        RedisReplication replication = get("replication:" + name, RedisReplication.class, () -> builder.get().start());
        synchronized (replication) {
            replication.restartStoppedNodes();
        }
        return replication;
    }

    /** The Sentinel group named {@code name}, started from {@code builder} the first time. */
    public static RedisSentinelGroup sentinelGroup(String name, Supplier<RedisSentinelGroup.Builder> builder) {
        RedisSentinelGroup group = get("sentinel:" + name, RedisSentinelGroup.class, () -> builder.get().start());
        synchronized (group) {
            if (group.nodes().stream().anyMatch(node -> !node.isRunning())
                    || group.sentinels().stream().anyMatch(sentinel -> !sentinel.isRunning())) {
                group.restartStoppedNodes();
            }
        }
        return group;
    }

    /** The cluster named {@code name}, started from {@code builder} the first time. */
    public static RedisCluster cluster(String name, Supplier<RedisCluster.Builder> builder) {
        RedisCluster cluster = get("cluster:" + name, RedisCluster.class, () -> builder.get().start());
        synchronized (cluster) {
            if (cluster.nodes().stream().anyMatch(node -> !node.isRunning())) {
                cluster.restartStoppedNodes();
            }
        }
        return cluster;
    }

    private static <T> T get(String key, Class<T> type, Supplier<T> start) {
        return type.cast(TOPOLOGIES.computeIfAbsent(key, ignored -> start.get()));
    }
}
