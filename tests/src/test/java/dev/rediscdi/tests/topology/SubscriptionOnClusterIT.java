package dev.rediscdi.tests.topology;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.jboss.weld.environment.se.WeldContainer;
import org.junit.jupiter.api.Test;

import dev.rediscdi.RedisClient;
import dev.rediscdi.RedisMessage;
import dev.rediscdi.Subscription;
import dev.rediscdi.testing.RedisCluster;
import dev.rediscdi.testing.RedisServer;
import dev.rediscdi.tests.Containers;
import dev.rediscdi.tests.Eventually;
import dev.rediscdi.tests.RecordingListener;
import dev.rediscdi.tests.TestConfig;

/** A cluster relays every PUBLISH to every node: a subscription survives the failover of the node that carries it. */
class SubscriptionOnClusterIT {

    @Test
    void shouldResubscribeAfterTheNodeCarryingTheSubscriptionFailsOver() throws Exception {
        try (RedisCluster cluster = RedisCluster.builder().nodeTimeout(Duration.ofMillis(1000)).start();
                TestConfig config = TestConfig.of("redis.hosts", String.join(",", cluster.uris()), "redis.client-type", "cluster",
                        "redis.reconnect-max-delay", "500ms")) {
            WeldContainer container = Containers.boot();
            try {
                RedisClient redis = container.select(RedisClient.class).get();
                RecordingListener listener = new RecordingListener();
                redis.subscribe(listener, "events").toCompletableFuture().get(5, TimeUnit.SECONDS);
                cluster.primaries().get(0).command("PUBLISH", "events", "before");
                assertThat(listener.messages.poll(5, TimeUnit.SECONDS).payloadAsString()).isEqualTo("before");

                RedisServer carrier = cluster.primaries().stream().filter(SubscriptionOnClusterIT::carriesASubscription).findFirst()
                        .orElseThrow(() -> new AssertionError("no primary carries the subscription"));
                String keyOfCarrier = null;
                for (int i = 0; i < 100_000 && keyOfCarrier == null; i++) {
                    if (cluster.primaryForKey("k" + i).port() == carrier.port()) {
                        keyOfCarrier = "k" + i;
                    }
                }
                RedisServer promoted = cluster.killPrimaryOf(keyOfCarrier);

                assertThat(listener.resubscribed.await(20, TimeUnit.SECONDS)).as("told of the resubscription").isTrue();
                String heard = null;
                for (int i = 0; i < 100 && heard == null; i++) {
                    promoted.command("PUBLISH", "events", "after-" + i);
                    RedisMessage message = listener.messages.poll(100, TimeUnit.MILLISECONDS);
                    heard = message == null ? null : message.payloadAsString();
                }
                assertThat(heard).startsWith("after-");
            } finally {
                container.shutdown();
            }
        }
    }

    /**
     * A frozen node keeps its sockets open and answers nothing. The subscription connection is one connection to one
     * node, watched by PING: it notices, and subscribes again on another node, while the frozen one (no failover here:
     * its node timeout is a minute, and it has no replica) stays in the cluster.
     */
    @Test
    void shouldSubscribeOnAnotherNodeWhenTheNodeCarryingTheSubscriptionFreezes() throws Exception {
        try (RedisCluster cluster = RedisCluster.builder().replicasPerPrimary(0).nodeTimeout(Duration.ofSeconds(60)).start();
                TestConfig config = TestConfig.of("redis.hosts", String.join(",", cluster.uris()), "redis.client-type", "cluster",
                        "redis.timeout", "500ms", "redis.reconnect-max-delay", "200ms")) {
            WeldContainer container = Containers.boot();
            RedisServer carrier = null;
            try {
                RedisClient redis = container.select(RedisClient.class).get();
                RecordingListener listener = new RecordingListener();
                redis.subscribe(listener, "events").toCompletableFuture().get(5, TimeUnit.SECONDS);
                List<RedisServer> carriers = cluster.primaries().stream().filter(SubscriptionOnClusterIT::carriesASubscription).toList();
                assertThat(carriers).as("primaries carrying the subscription").hasSize(1);
                carrier = carriers.get(0);
                RedisServer publisher = cluster.primaries().stream().filter(node -> node != carriers.get(0)).findFirst().orElseThrow();

                carrier.freeze();
                assertThat(listener.lost.await(10, TimeUnit.SECONDS)).as("told the frozen node's connection is lost").isTrue();
                assertThat(listener.resubscribed.await(10, TimeUnit.SECONDS)).as("told of the resubscription on another node").isTrue();
                publisher.command("PUBLISH", "events", "while-frozen");
                assertThat(listener.messages.poll(5, TimeUnit.SECONDS)).as("a message published while the first node is frozen")
                        .extracting(RedisMessage::payloadAsString).isEqualTo("while-frozen");
            } finally {
                if (carrier != null) {
                    carrier.unfreeze();
                }
                container.shutdown();
            }
        }
    }

    @Test
    void shouldDeliverEachMessageOnceAfterSubscribingAgainAndLeaveNoSubscriptionBehind() throws Exception {
        try (RedisCluster cluster = RedisCluster.builder().start();
                TestConfig config = TestConfig.of("redis.hosts", String.join(",", cluster.uris()), "redis.client-type", "cluster")) {
            WeldContainer container = Containers.boot();
            try {
                RedisClient redis = container.select(RedisClient.class).get();
                // another subscription keeps the subscription connection open throughout
                redis.subscribe(message -> { }, "other").toCompletableFuture().get(5, TimeUnit.SECONDS);
                for (int i = 0; i < 10; i++) { // the driver sends a keyless command to any node: ten chances to stray
                    Subscription subscription = redis.subscribe(message -> { }, "news").toCompletableFuture().get(5, TimeUnit.SECONDS);
                    subscription.unsubscribe().toCompletableFuture().get(5, TimeUnit.SECONDS);
                    Eventually.get(Duration.ofSeconds(5), () -> subscribers(cluster, "news", 0));
                }
                BlockingQueue<RedisMessage> received = new LinkedBlockingQueue<>();
                redis.subscribe(received::add, "news").toCompletableFuture().get(5, TimeUnit.SECONDS);
                assertThat(subscribers(cluster, "news", 1)).as("subscribers of news over every primary").isEqualTo(1);

                cluster.primaries().get(0).command("PUBLISH", "news", "once");
                assertThat(received.poll(5, TimeUnit.SECONDS)).extracting(RedisMessage::payloadAsString).isEqualTo("once");
                assertThat(received.poll(500, TimeUnit.MILLISECONDS)).as("a second delivery of the same message").isNull();
            } finally {
                container.shutdown();
            }
        }
    }

    /** The subscribers of {@code channel} over every primary; fails unless {@code expected}. */
    private static long subscribers(RedisCluster cluster, String channel, long expected) {
        long total = 0;
        for (RedisServer primary : cluster.primaries()) {
            String[] reply = primary.command("PUBSUB", "NUMSUB", channel).split("\n");
            total += Long.parseLong(reply[reply.length - 1].trim());
        }
        if (total != expected) {
            throw new IllegalStateException(total + " subscribers of " + channel + " over the primaries, " + expected + " expected");
        }
        return total;
    }

    private static boolean carriesASubscription(RedisServer node) {
        for (String line : node.command("CLIENT", "LIST").split("\n")) {
            if (line.contains(" sub=1 ")) {
                return true;
            }
        }
        return false;
    }
}
