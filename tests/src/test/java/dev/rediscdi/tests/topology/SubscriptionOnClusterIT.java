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
import dev.rediscdi.SubscriptionListener;
import dev.rediscdi.testing.RedisCluster;
import dev.rediscdi.testing.RedisServer;
import dev.rediscdi.tests.Containers;
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

    private static boolean carriesASubscription(RedisServer node) {
        for (String line : node.command("CLIENT", "LIST").split("\n")) {
            if (line.contains(" sub=1 ")) {
                return true;
            }
        }
        return false;
    }
}
