package dev.rediscdi.tests.topology;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.jboss.weld.environment.se.WeldContainer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import dev.rediscdi.RedisClient;
import dev.rediscdi.RedisMessage;
import dev.rediscdi.Subscription;
import dev.rediscdi.testing.RedisReplication;
import dev.rediscdi.testing.RedisServer;
import dev.rediscdi.tests.Containers;
import dev.rediscdi.tests.Eventually;
import dev.rediscdi.tests.RecordingListener;
import dev.rediscdi.tests.TestConfig;

/**
 * In a replication group the subscriptions live on one connection to one node, the first configured (here the
 * primary), even for a client that reads from replicas: replicas relay what the primary publishes, so a topic
 * subscribed on two nodes would be heard twice, and an UNSUBSCRIBE sent to another node than its SUBSCRIBE would
 * leave the topic subscribed.
 */
class SubscriptionOnReplicationIT {

    @ParameterizedTest
    @ValueSource(strings = {"always", "share"})
    void shouldKeepEverySubscriptionOnThePrimaryAndDeliverEachMessageOnce(String replicas) throws Exception {
        RedisReplication replication = SharedTopologies.replication();
        String channel = "news-" + UUID.randomUUID();
        try (TestConfig config = SharedTopologies.replicationClient(replication, "redis.replicas", replicas)) {
            WeldContainer container = Containers.boot();
            try {
                RedisClient redis = container.select(RedisClient.class).get();
                // another subscription keeps the subscription connection open throughout
                redis.subscribe(message -> { }, "other-" + channel).toCompletableFuture().get(5, TimeUnit.SECONDS);
                for (int i = 0; i < 10; i++) { // ten chances for a SUBSCRIBE or UNSUBSCRIBE to reach a replica
                    Subscription subscription = redis.subscribe(message -> { }, channel).toCompletableFuture().get(5, TimeUnit.SECONDS);
                    assertThat(subscribers(replication.primary(), channel)).as("subscribers on the primary, round " + i).isEqualTo(1);
                    subscription.unsubscribe().toCompletableFuture().get(5, TimeUnit.SECONDS);
                    Eventually.get(Duration.ofSeconds(5), () -> noSubscriberOnAnyNode(replication, channel));
                }
                BlockingQueue<RedisMessage> received = new LinkedBlockingQueue<>();
                redis.subscribe(received::add, channel).toCompletableFuture().get(5, TimeUnit.SECONDS);
                assertThat(subscribers(replication.primary(), channel)).as("subscribers on the primary").isEqualTo(1);
                for (RedisServer replica : replication.replicas()) {
                    assertThat(subscribers(replica, channel)).as("subscribers on " + replica).isZero();
                }

                replication.primary().command("PUBLISH", channel, "once");
                assertThat(received.poll(5, TimeUnit.SECONDS)).extracting(RedisMessage::payloadAsString).isEqualTo("once");
                assertThat(received.poll(500, TimeUnit.MILLISECONDS)).as("a second delivery of the same message").isNull();
            } finally {
                container.shutdown();
            }
        }
    }

    /**
     * Redis closes ordinary connections idle for {@code timeout} seconds, subscribed ones never: the subscription has
     * no idle connection to a replica whose closing would look like its own loss.
     */
    @Test
    void shouldNotLoseTheSubscriptionWhenReplicasCloseIdleConnections() throws Exception {
        try (RedisReplication replication = RedisReplication.builder().replicas(1).config("timeout", "1").start();
                TestConfig config = TestConfig.of("redis.hosts", String.join(",", replication.uris()), "redis.client-type", "replication",
                        "redis.reconnect-max-delay", "200ms")) {
            WeldContainer container = Containers.boot();
            try {
                RedisClient redis = container.select(RedisClient.class).get();
                RecordingListener listener = new RecordingListener();
                redis.subscribe(listener, "events").toCompletableFuture().get(5, TimeUnit.SECONDS);

                assertThat(listener.lost.await(3500, TimeUnit.MILLISECONDS)).as("told of a loss while no node went away").isFalse();
                replication.primary().command("PUBLISH", "events", "still here");
                assertThat(listener.messages.poll(5, TimeUnit.SECONDS)).extracting(RedisMessage::payloadAsString).isEqualTo("still here");
            } finally {
                container.shutdown();
            }
        }
    }

    private static boolean noSubscriberOnAnyNode(RedisReplication replication, String channel) {
        for (RedisServer node : replication.nodes()) {
            long count = subscribers(node, channel);
            if (count != 0) {
                throw new IllegalStateException(count + " subscribers of " + channel + " left on " + node);
            }
        }
        return true;
    }

    private static long subscribers(RedisServer node, String channel) {
        String[] reply = node.command("PUBSUB", "NUMSUB", channel).split("\n");
        return Long.parseLong(reply[reply.length - 1].trim());
    }
}
