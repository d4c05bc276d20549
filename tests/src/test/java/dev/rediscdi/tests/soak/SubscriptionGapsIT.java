package dev.rediscdi.tests.soak;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.jboss.weld.environment.se.WeldContainer;
import org.junit.jupiter.api.Test;

import dev.rediscdi.RedisClient;
import dev.rediscdi.RedisMessage;
import dev.rediscdi.SubscriptionListener;
import dev.rediscdi.tests.Containers;
import dev.rediscdi.tests.Eventually;
import dev.rediscdi.tests.TestConfig;
import dev.rediscdi.testing.RedisServer;
import dev.rediscdi.testing.TcpProxy;
import dev.rediscdi.tests.RecordingListener;

/**
 * The subscription connection killed 30 times in quick succession while messages are published all along: the
 * listener hears of the gaps in order (lost, resubscribed, lost, ...: one pair per gap, never two of a kind in a row),
 * each message at most once and in the order published, and once the kills stop, every new message.
 */
class SubscriptionGapsIT {

    @Test
    void shouldTellEveryGapInOrderAndDeliverEachMessageAtMostOnceInOrderAcrossRapidKills() throws Exception {
        try (RedisServer server = RedisServer.builder().start();
                TestConfig config = TestConfig.of("redis.hosts", server.uri(), "redis.timeout", "500ms", "redis.reconnect-delay", "10ms",
                        "redis.reconnect-max-delay", "100ms");
                WeldContainer weld = Containers.boot()) {
            RedisClient redis = weld.select(RedisClient.class).get();
            List<String> heard = Collections.synchronizedList(new ArrayList<>());
            SubscriptionListener listener = new SubscriptionListener() {
                @Override
                public void onMessage(RedisMessage message) {
                    heard.add(message.channel() + "=" + message.payloadAsString());
                }

                @Override
                public void onConnectionLost(Throwable cause) {
                    heard.add("LOST");
                }

                @Override
                public void onResubscribed() {
                    heard.add("RESUBSCRIBED");
                }
            };
            Eventually.get(Duration.ofSeconds(10), () -> redis.subscribe(listener, "gaps-a", "gaps-b", "gaps-c").toCompletableFuture()
                    .get(5, TimeUnit.SECONDS));
            Thread publisher = new Thread(() -> {
                for (int n = 0; n < 100_000 && !Thread.currentThread().isInterrupted(); n++) {
                    server.command("PUBLISH", "gaps-" + "abc".charAt(n % 3), Integer.toString(n));
                }
            }, "publisher");
            publisher.setDaemon(true);
            publisher.start();
            try {
                for (int kill = 0; kill < 30; kill++) {
                    Thread.sleep(kill % 2 == 0 ? 20 : 150);
                    server.command("CLIENT", "KILL", "TYPE", "pubsub");
                }
                Thread.sleep(500);
            } finally {
                publisher.interrupt();
                publisher.join(10_000);
            }
            Eventually.get(Duration.ofSeconds(10), () -> {
                server.command("PUBLISH", "gaps-a", "last");
                if (!heard.contains("gaps-a=last")) {
                    throw new IllegalStateException("the last message not heard yet");
                }
                return null;
            });

            List<String> events = List.copyOf(heard);
            List<String> gaps = events.stream().filter(event -> event.equals("LOST") || event.equals("RESUBSCRIBED")).toList();
            assertThat(gaps).as("gaps told").isNotEmpty();
            for (int i = 0; i < gaps.size(); i++) {
                assertThat(gaps.get(i)).as("gap event %d of %s", i, gaps).isEqualTo(i % 2 == 0 ? "LOST" : "RESUBSCRIBED");
            }
            assertThat(gaps.size() % 2).as("the last gap ended: %s", gaps).isZero();
            int last = -1;
            for (String event : events) {
                if (event.startsWith("gaps-") && !event.endsWith("=last")) {
                    int n = Integer.parseInt(event.substring(event.indexOf('=') + 1));
                    assertThat(n).as("messages heard once each, in the order published").isGreaterThan(last);
                    last = n;
                }
            }
        }
    }

    /**
     * The subscription connection closes while a new subscription waits for Redis' confirmation (its SUBSCRIBE
     * reached Redis, the reply was lost with the connection): that one fails, and the subscriptions made before are
     * made again on the next connection.
     */
    @Test
    void shouldSubscribeAgainWhenTheConnectionIsLostWhileAnotherSubscriptionAwaitsItsConfirmation() throws Exception {
        try (RedisServer server = RedisServer.builder().start();
                TcpProxy proxy = TcpProxy.to(server.port());
                TestConfig config = TestConfig.of("redis.hosts", proxy.uri(), "redis.timeout", "2s", "redis.reconnect-max-delay", "200ms");
                WeldContainer weld = Containers.boot()) {
            RedisClient redis = weld.select(RedisClient.class).get();
            RecordingListener earlier = new RecordingListener();
            Eventually.get(Duration.ofSeconds(10), () -> redis.subscribe(earlier, "earlier").toCompletableFuture().get(5, TimeUnit.SECONDS));
            Thread cutter = new Thread(() -> {
                try {
                    proxy.cutOpenConnections(Duration.ofMillis(500)); // replies dropped at once, the connections closed after
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }, "cutter");
            cutter.start();
            Thread.sleep(100);
            java.util.concurrent.CompletableFuture<Throwable> later = redis.subscribe(message -> { }, "later").toCompletableFuture()
                    .handle((subscription, error) -> error);
            cutter.join(10_000);

            assertThat(later.get(10, TimeUnit.SECONDS)).as("the subscription whose confirmation was lost").isNotNull();
            assertThat(earlier.lost.await(10, TimeUnit.SECONDS)).isTrue();
            RedisMessage heard = Eventually.get(Duration.ofSeconds(10), () -> {
                server.command("PUBLISH", "earlier", "again");
                RedisMessage message = earlier.messages.poll(100, TimeUnit.MILLISECONDS);
                if (message == null) {
                    throw new IllegalStateException("the earlier subscription hears nothing");
                }
                return message;
            });
            assertThat(heard.payloadAsString()).isEqualTo("again");
            assertThat(earlier.resubscribed.getCount()).as("told it was subscribed again").isZero();
        }
    }
}
