package dev.rediscdi.tests.topology;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.jboss.weld.environment.se.WeldContainer;
import org.junit.jupiter.api.Test;

import dev.rediscdi.BlockingRedisClient;
import dev.rediscdi.RedisClient;
import dev.rediscdi.RedisReplyException;
import dev.rediscdi.ReplyType;
import dev.rediscdi.testing.RedisCluster;
import dev.rediscdi.testing.RedisReplication;
import dev.rediscdi.testing.RedisSentinelGroup;
import dev.rediscdi.tests.Containers;
import dev.rediscdi.tests.TestConfig;

/** The same clients, configured only by properties, on Redis Cluster, Sentinel and primary-with-replicas. */
class TopologiesIT {

    @Test
    void shouldSpreadKeysOverAClusterFromOnePipelinedClient() throws Exception {
        try (RedisCluster cluster = RedisCluster.builder().start();
                TestConfig config = TestConfig.of("redis.hosts", String.join(",", cluster.uris()), "redis.client-type", "cluster")) {
            WeldContainer container = Containers.boot();
            try {
                RedisClient redis = container.select(RedisClient.class).get();
                String prefix = "k:" + UUID.randomUUID() + ":";
                List<CompletableFuture<String>> writes = new ArrayList<>();
                for (int i = 0; i < 300; i++) {
                    writes.add(redis.execute(ReplyType.STRING, "SET", prefix + i, "v" + i).toCompletableFuture());
                }
                CompletableFuture.allOf(writes.toArray(CompletableFuture[]::new)).get(20, TimeUnit.SECONDS);

                for (int i = 0; i < 300; i += 37) {
                    String key = prefix + i;
                    assertThat(cluster.primaryForKey(key).command("GET", key)).isEqualTo("v" + i);
                }
                assertThat(cluster.primaries().stream().filter(node -> Long.parseLong(node.command("DBSIZE")) > 0))
                        .as("keys landed on every primary").hasSize(3);

                // multi-key commands over several slots: split where possible (values stay in key order; the driver
                // alone returns them grouped by slot), else a clear refusal
                assertThat(redis.execute(ReplyType.STRING_LIST, "MGET", prefix + 1, prefix + "missing", prefix + 2, prefix + 3,
                        prefix + 4, prefix + 5).toCompletableFuture().get(5, TimeUnit.SECONDS))
                        .containsExactly("v1", null, "v2", "v3", "v4", "v5");
                assertThatThrownBy(() -> container.select(BlockingRedisClient.class).get().send("SUNION", prefix + 1, prefix + 2, prefix + 3))
                        .isInstanceOf(RedisReplyException.class)
                        .hasMessageEndingWith("the keys of SUNION map to different hash slots of the cluster, and the command "
                                + "cannot be split over them. Fix: give the keys a common hash tag, such as {user:42}:cart and {user:42}:orders")
                        .satisfies(e -> assertThat(((RedisReplyException) e).code()).isEqualTo("CROSSSLOT"));
            } finally {
                container.shutdown();
            }
        }
    }

    @Test
    void shouldWriteToThePrimaryThatSentinelsName() {
        try (RedisSentinelGroup group = RedisSentinelGroup.builder().start();
                TestConfig config = TestConfig.of("redis.hosts", String.join(",", group.sentinelUris()),
                        "redis.client-type", "sentinel", "redis.master-name", group.masterName())) {
            WeldContainer container = Containers.boot();
            try {
                BlockingRedisClient redis = container.select(BlockingRedisClient.class).get();
                redis.send("SET", "sentinel-key", "on-primary");

                assertThat(group.primary().command("GET", "sentinel-key")).isEqualTo("on-primary");
                assertThat(redis.send("ROLE").get(0)).hasToString("master");
            } finally {
                container.shutdown();
            }
        }
    }

    @Test
    void shouldWriteToThePrimaryOfAReplicationGroup() {
        try (RedisReplication replication = RedisReplication.builder().replicas(1).start();
                TestConfig config = TestConfig.of("redis.hosts", String.join(",", replication.uris()),
                        "redis.client-type", "replication", "redis.replicas", "share")) {
            WeldContainer container = Containers.boot();
            try {
                BlockingRedisClient redis = container.select(BlockingRedisClient.class).get();
                redis.send("SET", "replicated", "yes");

                assertThat(replication.primary().command("GET", "replicated")).isEqualTo("yes");
                // reads may go to a replica (replicas=share): replication is asynchronous, so wait for it first
                replication.awaitReplicasInSync(java.time.Duration.ofSeconds(5));
                assertThat(redis.execute(ReplyType.STRING, "GET", "replicated")).isEqualTo("yes");
            } finally {
                container.shutdown();
            }
        }
    }

    @Test
    void shouldFollowASentinelFailover() throws Exception {
        try (RedisSentinelGroup group = RedisSentinelGroup.builder().start();
                TestConfig config = TestConfig.of("redis.hosts", String.join(",", group.sentinelUris()),
                        "redis.client-type", "sentinel", "redis.master-name", group.masterName(), "redis.timeout", "1s")) {
            WeldContainer container = Containers.boot();
            try {
                BlockingRedisClient redis = container.select(BlockingRedisClient.class).get();
                redis.send("SET", "before", "1");

                int newPrimary = group.failover();

                long windowMillis = writeUntilAccepted(redis, "after");
                assertThat(windowMillis).as("error window after the failover").isLessThan(5_000);
                assertThat(group.primary().port()).isEqualTo(newPrimary);
                assertThat(group.primary().command("GET", "after")).isEqualTo("1");
            } finally {
                container.shutdown();
            }
        }
    }

    @Test
    void shouldFollowAClusterPrimaryKilled() throws Exception {
        try (RedisCluster cluster = RedisCluster.builder().start();
                TestConfig config = TestConfig.of("redis.hosts", String.join(",", cluster.uris()), "redis.client-type", "cluster",
                        "redis.timeout", "1s")) {
            WeldContainer container = Containers.boot();
            try {
                BlockingRedisClient redis = container.select(BlockingRedisClient.class).get();
                redis.send("SET", "{slot}before", "1");
                // replication is asynchronous: a write the replica has not received yet may be lost in the failover
                cluster.awaitReplicasInSync(Duration.ofSeconds(5));

                cluster.killPrimaryOf("{slot}after");

                long windowMillis = writeUntilAccepted(redis, "{slot}after");
                assertThat(windowMillis).as("error window after the primary died").isLessThan(5_000);
                assertThat(cluster.primaryForKey("{slot}after").command("GET", "{slot}after")).isEqualTo("1");
                assertThat(redis.execute(ReplyType.STRING, "GET", "{slot}before")).isEqualTo("1");
            } finally {
                container.shutdown();
            }
        }
    }

    @Test
    void shouldKeepASubscriptionAcrossASentinelFailover() throws Exception {
        try (RedisSentinelGroup group = RedisSentinelGroup.builder().start();
                TestConfig config = TestConfig.of("redis.hosts", String.join(",", group.sentinelUris()),
                        "redis.client-type", "sentinel", "redis.master-name", group.masterName(),
                        "redis.reconnect-max-delay", "500ms")) {
            WeldContainer container = Containers.boot();
            try {
                RedisClient redis = container.select(RedisClient.class).get();
                java.util.concurrent.BlockingQueue<String> received = new java.util.concurrent.LinkedBlockingQueue<>();
                java.util.concurrent.CountDownLatch resubscribed = new java.util.concurrent.CountDownLatch(1);
                redis.subscribe(new dev.rediscdi.SubscriptionListener() {
                    @Override
                    public void onMessage(dev.rediscdi.RedisMessage message) {
                        received.add(message.payloadAsString());
                    }

                    @Override
                    public void onResubscribed() {
                        resubscribed.countDown();
                    }
                }, "events").toCompletableFuture().get(5, TimeUnit.SECONDS);
                group.primary().command("PUBLISH", "events", "before");
                assertThat(received.poll(5, TimeUnit.SECONDS)).isEqualTo("before");

                group.failover();

                assertThat(resubscribed.await(15, TimeUnit.SECONDS)).as("resubscribed after the failover").isTrue();
                group.primary().command("PUBLISH", "events", "after");
                assertThat(received.poll(5, TimeUnit.SECONDS)).isEqualTo("after");
            } finally {
                container.shutdown();
            }
        }
    }

    @Test
    void shouldReportReplicasTruthfullyWithWaitOnTheWritesConnection() throws Exception {
        try (RedisReplication replication = RedisReplication.builder().replicas(1).start();
                TestConfig config = TestConfig.of("redis.hosts", replication.primary().uri())) {
            WeldContainer container = Containers.boot();
            try {
                RedisClient redis = container.select(RedisClient.class).get();

                Long acknowledged = redis.withConnection(connection -> connection.send("SET", "confirmed", "1")
                        .thenCompose(ok -> connection.execute(ReplyType.LONG, "WAIT", 1, 2000))).toCompletableFuture().get(5, TimeUnit.SECONDS);
                assertThat(acknowledged).as("the replica has the write").isEqualTo(1L);

                replication.replicas().get(0).freeze();
                try {
                    Long unconfirmed = redis.withConnection(connection -> connection.send("SET", "unconfirmed", "1")
                            .thenCompose(ok -> connection.execute(ReplyType.LONG, "WAIT", 1, 300))).toCompletableFuture().get(5, TimeUnit.SECONDS);
                    assertThat(unconfirmed).as("a frozen replica acknowledges nothing").isEqualTo(0L);
                } finally {
                    replication.replicas().get(0).unfreeze();
                }
            } finally {
                container.shutdown();
            }
        }
    }

    /** Writes every 50 ms until one is accepted (at most 15 s); returns how long writes failed. */
    private static long writeUntilAccepted(BlockingRedisClient redis, String key) throws InterruptedException {
        long start = System.nanoTime();
        long deadline = start + TimeUnit.SECONDS.toNanos(15);
        RuntimeException last = null;
        while (System.nanoTime() < deadline) {
            try {
                redis.send("SET", key, "1");
                return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
            } catch (RuntimeException e) {
                last = e;
                Thread.sleep(50);
            }
        }
        throw new AssertionError("writes still fail 15 s after the failover", last);
    }
}
