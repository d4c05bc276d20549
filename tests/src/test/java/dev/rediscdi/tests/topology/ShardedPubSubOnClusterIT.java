package dev.rediscdi.tests.topology;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Logger;

import org.jboss.weld.environment.se.WeldContainer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import dev.rediscdi.RedisClient;
import dev.rediscdi.RedisMessage;
import dev.rediscdi.ReplyType;
import dev.rediscdi.Subscription;
import dev.rediscdi.SubscriptionListener;
import dev.rediscdi.testing.RedisCluster;
import dev.rediscdi.testing.RedisServer;
import dev.rediscdi.tests.Containers;
import dev.rediscdi.tests.Eventually;
import dev.rediscdi.tests.RecordingListener;
import dev.rediscdi.tests.TestConfig;

/**
 * Shard channels on a cluster: each is subscribed on the primary serving its slot, and follows its slot when it moves
 * to another primary (resharding, failover), the listener told of the gap.
 */
class ShardedPubSubOnClusterIT {
    private static final Logger LOG = Logger.getLogger(ShardedPubSubOnClusterIT.class.getName());

    @Test
    void shouldSubscribeEachShardChannelOnThePrimaryOfItsSlotAndUnsubscribeThere() throws Exception {
        RedisCluster cluster = SharedTopologies.cluster();
        List<RedisServer> primaries = cluster.primaries();
        List<String> channels = new ArrayList<>();
        for (RedisServer primary : primaries) {
            channels.add(channelServedBy(cluster, primary, "spread"));
        }
        try (TestConfig config = SharedTopologies.clusterClient(cluster)) {
            WeldContainer container = Containers.boot();
            try {
                RedisClient redis = container.select(RedisClient.class).get();
                RecordingListener listener = new RecordingListener();
                Subscription subscription = redis.ssubscribe(listener, channels.toArray(String[]::new)).toCompletableFuture()
                        .get(5, TimeUnit.SECONDS);
                for (int i = 0; i < primaries.size(); i++) {
                    assertThat(shardSubscribers(primaries.get(i), channels.get(i))).as("subscribers of %s on its primary", channels.get(i))
                            .isEqualTo(1);
                }

                for (String channel : channels) {
                    assertThat(redis.execute(ReplyType.LONG, "SPUBLISH", channel, "to " + channel).toCompletableFuture().get(5, TimeUnit.SECONDS))
                            .as("receivers of SPUBLISH %s", channel).isEqualTo(1L);
                }
                Set<String> heard = new HashSet<>();
                for (int i = 0; i < channels.size(); i++) {
                    RedisMessage message = listener.messages.poll(5, TimeUnit.SECONDS);
                    assertThat(message).as("message %s of %s", i + 1, channels.size()).isNotNull();
                    assertThat(message.payloadAsString()).isEqualTo("to " + message.channel());
                    assertThat(message.sharded()).as("a shard channel's message on a cluster says so").isTrue();
                    heard.add(message.channel());
                }
                assertThat(heard).containsExactlyInAnyOrderElementsOf(channels);

                subscription.unsubscribe().toCompletableFuture().get(5, TimeUnit.SECONDS);
                for (int i = 0; i < primaries.size(); i++) {
                    RedisServer primary = primaries.get(i);
                    String channel = channels.get(i);
                    Eventually.get(Duration.ofSeconds(5), () -> expect(shardSubscribers(primary, channel), 0));
                }
            } finally {
                container.shutdown();
            }
        }
    }

    /** Two channels of one slot, in one subscription: Redis ends both when the slot moves; the listener hears of one gap. */
    @ParameterizedTest
    @ValueSource(strings = {"resp3", "resp2"})
    void shouldFollowShardChannelsWhoseSlotMovesAndTellTheListenerOnce(String protocol) throws Exception {
        RedisCluster cluster = SharedTopologies.cluster();
        String tag = "{moving:" + UUID.randomUUID() + "}";
        String[] channels = {tag + ".eu", tag + ".us"};
        int slot = RedisCluster.keySlot(tag);
        try (TestConfig config = SharedTopologies.clusterClient(cluster, "redis.protocol", protocol, "redis.reconnect-max-delay", "500ms")) {
            WeldContainer container = Containers.boot();
            try {
                RedisClient redis = container.select(RedisClient.class).get();
                Counting listener = new Counting();
                redis.ssubscribe(listener, channels).toCompletableFuture().get(5, TimeUnit.SECONDS);
                redis.send("SPUBLISH", channels[0], "before").toCompletableFuture().get(5, TimeUnit.SECONDS);
                assertThat(listener.messages.poll(5, TimeUnit.SECONDS)).extracting(RedisMessage::payloadAsString).isEqualTo("before");

                RedisServer source = cluster.primaryForSlot(slot);
                RedisServer target = cluster.primaries().stream().filter(primary -> primary != source).findFirst().orElseThrow();
                cluster.migrateSlot(slot, target);

                Eventually.get(Duration.ofSeconds(10), () -> expect(listener.resubscribed.get(), 1));
                for (String channel : channels) {
                    assertThat(shardSubscribers(target, channel)).as("subscribers of %s on the new owner", channel).isEqualTo(1);
                    assertThat(shardSubscribers(source, channel)).as("subscribers of %s on the old owner", channel).isZero();
                }
                for (String channel : channels) {
                    redis.send("SPUBLISH", channel, "after").toCompletableFuture().get(5, TimeUnit.SECONDS);
                    assertThat(listener.messages.poll(5, TimeUnit.SECONDS)).as("a message published to %s after the move", channel)
                            .extracting(RedisMessage::channel, RedisMessage::payloadAsString).containsExactly(channel, "after");
                }
                assertThat(listener.lost).as("told the subscription was ended by the move, once for both channels").hasValue(1);
                assertThat(listener.resubscribed).as("told of the resubscription on the new owner, once").hasValue(1);
            } finally {
                container.shutdown();
            }
        }
    }

    /** The client knows the slots from its first subscription; a slot moved since is answered MOVED, which it follows. */
    @Test
    void shouldSubscribeOnTheNewOwnerWhenTheSlotMovedSinceTheClientLearnedTheSlots() throws Exception {
        RedisCluster cluster = SharedTopologies.cluster();
        String channel = "moved-before:" + UUID.randomUUID();
        int slot = RedisCluster.keySlot(channel);
        try (TestConfig config = SharedTopologies.clusterClient(cluster)) {
            WeldContainer container = Containers.boot();
            try {
                RedisClient redis = container.select(RedisClient.class).get();
                redis.ssubscribe(message -> { }, "first:" + UUID.randomUUID()).toCompletableFuture().get(5, TimeUnit.SECONDS);
                RedisServer source = cluster.primaryForSlot(slot);
                RedisServer target = cluster.primaries().stream().filter(primary -> primary != source).findFirst().orElseThrow();
                cluster.migrateSlot(slot, target);

                RecordingListener listener = new RecordingListener();
                redis.ssubscribe(listener, channel).toCompletableFuture().get(5, TimeUnit.SECONDS);
                assertThat(shardSubscribers(target, channel)).as("subscribers on the new owner").isEqualTo(1);
                redis.send("SPUBLISH", channel, "heard").toCompletableFuture().get(5, TimeUnit.SECONDS);
                assertThat(listener.messages.poll(5, TimeUnit.SECONDS)).extracting(RedisMessage::payloadAsString).isEqualTo("heard");
                assertThat(listener.lost.getCount()).as("a subscription made after the move has no gap").isEqualTo(1);
            } finally {
                container.shutdown();
            }
        }
    }

    @Test
    void shouldFollowAShardChannelWhosePrimaryIsKilledAndReplaced() throws Exception {
        RedisCluster cluster = SharedTopologies.cluster();
        String channel = "failover:" + UUID.randomUUID();
        try (TestConfig config = SharedTopologies.clusterClient(cluster, "redis.reconnect-max-delay", "500ms", "redis.timeout", "1s")) {
            WeldContainer container = Containers.boot();
            try {
                RedisClient redis = container.select(RedisClient.class).get();
                RecordingListener listener = new RecordingListener();
                redis.ssubscribe(listener, channel).toCompletableFuture().get(5, TimeUnit.SECONDS);

                long kill = System.nanoTime();
                RedisServer promoted = cluster.killPrimaryOf(channel);
                long agreed = System.nanoTime();

                assertThat(listener.lost.await(10, TimeUnit.SECONDS)).as("told of the lost connection").isTrue();
                assertThat(listener.resubscribed.await(15, TimeUnit.SECONDS)).as("told of the resubscription on the new primary").isTrue();
                long resubscribed = System.nanoTime();
                LOG.info(() -> "shard channel resubscribed " + (resubscribed - kill) / 1_000_000 + " ms after its primary was killed, "
                        + (resubscribed - agreed) / 1_000_000 + " ms after every node agreed on the promoted replica");
                assertThat(shardSubscribers(promoted, channel)).as("subscribers on the promoted replica").isEqualTo(1);
                String heard = null;
                for (int i = 0; i < 50 && heard == null; i++) {
                    promoted.command("SPUBLISH", channel, "after-" + i);
                    RedisMessage message = listener.messages.poll(100, TimeUnit.MILLISECONDS);
                    heard = message == null ? null : message.payloadAsString();
                }
                assertThat(heard).as("a message published on the new primary").startsWith("after-");
            } finally {
                container.shutdown();
                cluster.restartStoppedNodes();
            }
        }
    }

    /**
     * A manual failover ({@code CLUSTER FAILOVER} on the replica): the old primary runs on as a replica of the new one and
     * ends the subscription itself; the client subscribes again on the new primary.
     */
    @Test
    void shouldFollowAShardChannelWhosePrimaryBecomesAReplica() throws Exception {
        RedisCluster cluster = SharedTopologies.cluster();
        String channel = "demoted:" + UUID.randomUUID();
        try (TestConfig config = SharedTopologies.clusterClient(cluster, "redis.reconnect-max-delay", "500ms")) {
            WeldContainer container = Containers.boot();
            try {
                RedisClient redis = container.select(RedisClient.class).get();
                Counting listener = new Counting();
                redis.ssubscribe(listener, channel).toCompletableFuture().get(5, TimeUnit.SECONDS);
                RedisServer old = cluster.primaryForKey(channel);
                RedisServer replica = cluster.replicaOf(old).orElseThrow();

                replica.command("CLUSTER", "FAILOVER");
                Eventually.get(Duration.ofSeconds(10), () -> expect(cluster.primaryForKey(channel).port(), replica.port()));

                Eventually.get(Duration.ofSeconds(10), () -> expect(listener.resubscribed.get(), 1));
                assertThat(shardSubscribers(replica, channel)).as("subscribers on the new primary").isEqualTo(1);
                assertThat(shardSubscribers(old, channel)).as("subscribers on the old primary, now a replica").isZero();
                redis.send("SPUBLISH", channel, "after").toCompletableFuture().get(5, TimeUnit.SECONDS);
                assertThat(listener.messages.poll(5, TimeUnit.SECONDS)).as("a message published after the failover")
                        .extracting(RedisMessage::payloadAsString).isEqualTo("after");
                assertThat(listener.lost).as("told of the gap once").hasValue(1);
            } finally {
                container.shutdown();
                cluster.awaitClusterOk();
            }
        }
    }

    /** Keeps the messages, counts the gaps and their ends. */
    private static final class Counting implements SubscriptionListener {
        final BlockingQueue<RedisMessage> messages = new LinkedBlockingQueue<>();
        final AtomicInteger lost = new AtomicInteger();
        final AtomicInteger resubscribed = new AtomicInteger();

        @Override
        public void onMessage(RedisMessage message) {
            messages.add(message);
        }

        @Override
        public void onConnectionLost(Throwable cause) {
            lost.incrementAndGet();
        }

        @Override
        public void onResubscribed() {
            resubscribed.incrementAndGet();
        }
    }

    /** A channel name (with {@code prefix}) whose slot {@code primary} serves. */
    static String channelServedBy(RedisCluster cluster, RedisServer primary, String prefix) {
        String base = prefix + ":" + UUID.randomUUID() + ":";
        for (int i = 0; i < 1_000; i++) {
            if (cluster.primaryForKey(base + i).port() == primary.port()) {
                return base + i;
            }
        }
        throw new AssertionError("no channel of 1000 tried is served by " + primary);
    }

    static long shardSubscribers(RedisServer node, String channel) {
        String[] reply = node.command("PUBSUB", "SHARDNUMSUB", channel).split("\n");
        return Long.parseLong(reply[reply.length - 1].trim());
    }

    static boolean expect(long actual, long expected) {
        if (actual != expected) {
            throw new IllegalStateException(actual + ", " + expected + " expected");
        }
        return true;
    }
}
