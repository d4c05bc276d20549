package dev.rediscdi.tests.topology;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.jboss.weld.environment.se.WeldContainer;
import org.junit.jupiter.api.Test;

import dev.rediscdi.RedisClient;
import dev.rediscdi.RedisMessage;
import dev.rediscdi.Subscription;
import dev.rediscdi.SubscriptionListener;
import dev.rediscdi.testing.RedisCluster;
import dev.rediscdi.testing.RedisServer;
import dev.rediscdi.tests.Containers;
import dev.rediscdi.tests.Eventually;
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
                BlockingQueue<RedisMessage> received = new LinkedBlockingQueue<>();
                CountDownLatch resubscribed = new CountDownLatch(1);
                redis.subscribe(new SubscriptionListener() {
                    @Override
                    public void onMessage(RedisMessage message) {
                        received.add(message);
                    }

                    @Override
                    public void onResubscribed() {
                        resubscribed.countDown();
                    }
                }, "events").toCompletableFuture().get(5, TimeUnit.SECONDS);
                cluster.primaries().get(0).command("PUBLISH", "events", "before");
                assertThat(received.poll(5, TimeUnit.SECONDS).payloadAsString()).isEqualTo("before");

                RedisServer carrier = cluster.primaries().stream().filter(SubscriptionOnClusterIT::carriesASubscription).findFirst()
                        .orElseThrow(() -> new AssertionError("no primary carries the subscription"));
                String keyOfCarrier = null;
                for (int i = 0; i < 100_000 && keyOfCarrier == null; i++) {
                    if (cluster.primaryForKey("k" + i).port() == carrier.port()) {
                        keyOfCarrier = "k" + i;
                    }
                }
                RedisServer promoted = cluster.killPrimaryOf(keyOfCarrier);

                assertThat(resubscribed.await(20, TimeUnit.SECONDS)).as("told of the resubscription").isTrue();
                String heard = null;
                for (int i = 0; i < 100 && heard == null; i++) {
                    promoted.command("PUBLISH", "events", "after-" + i);
                    RedisMessage message = received.poll(100, TimeUnit.MILLISECONDS);
                    heard = message == null ? null : message.payloadAsString();
                }
                assertThat(heard).startsWith("after-");
            } finally {
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
