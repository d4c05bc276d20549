package dev.rediscdi.tests;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Default;

import org.jboss.weld.environment.se.WeldContainer;
import org.junit.jupiter.api.Test;

import dev.rediscdi.RedisClient;
import dev.rediscdi.RedisMessage;
import dev.rediscdi.Subscription;
import dev.rediscdi.SubscriptionChange;
import dev.rediscdi.SubscriptionListener;
import dev.rediscdi.testing.RedisServer;

/** Subscriptions made while Redis cannot be reached: they either fail, or they deliver once Redis is back. */
class SubscriptionsWhileRedisIsDownIT {

    @ApplicationScoped
    public static class Inbox {
        private final List<String> received = new CopyOnWriteArrayList<>();

        private final List<SubscriptionChange.Status> changes = new CopyOnWriteArrayList<>();

        void onMessage(@Observes @Default RedisMessage message) {
            received.add(message.payloadAsString());
        }

        void onChange(@Observes @Default SubscriptionChange change) {
            changes.add(change.status());
        }

        public List<String> received() {
            return received;
        }

        public List<SubscriptionChange.Status> changes() {
            return changes;
        }
    }

    /** The start-up subscription logs "the client subscribes again by itself once Redis answers": it must. */
    @Test
    void shouldFireConfiguredEventsOnceRedisStartsAfterTheApplication() throws Exception {
        try (RedisServer server = RedisServer.builder().start();
                TestConfig config = TestConfig.of("redis.hosts", server.uri(), "redis.events.channels", "orders",
                        "redis.reconnect-max-delay", "500ms")) {
            server.stop();
            WeldContainer weld = Containers.boot(Inbox.class);
            try {
                Inbox inbox = weld.select(Inbox.class).get();
                Thread.sleep(500); // the start-up subscription has failed by now: connection refused
                server.restart();

                publishUntilReceived(server, "orders", inbox.received()::size, Duration.ofSeconds(10));

                assertThat(inbox.received()).as("messages fired once Redis is up").isNotEmpty();
                // the gap from start-up to the first subscription is told like any other: once, then its end once,
                // however many attempts failed in between
                assertThat(inbox.changes()).containsExactly(SubscriptionChange.Status.LOST, SubscriptionChange.Status.RESUBSCRIBED);
            } finally {
                weld.shutdown();
            }
        }
    }

    /**
     * Two subscriptions to one channel made while Redis is down: the first fails (connection refused). The second
     * must not be confirmed without Redis having confirmed the channel ("the stage completes once Redis confirmed
     * every channel"): it waits for the first one's SUBSCRIBE and fails with it.
     */
    @Test
    void shouldNotConfirmASubscriptionThatRidesOnAFailedOne() throws Exception {
        try (RedisServer server = RedisServer.builder().start();
                TestConfig config = TestConfig.of("redis.hosts", server.uri(), "redis.reconnect-max-delay", "500ms")) {
            WeldContainer weld = Containers.boot();
            try {
                RedisClient redis = weld.select(RedisClient.class).get();
                server.stop();
                Recorder first = new Recorder();
                Recorder second = new Recorder();
                CompletableFuture<Subscription> firstSubscription = redis.subscribe(first, "news").toCompletableFuture();
                CompletableFuture<Subscription> secondSubscription = redis.subscribe(second, "news").toCompletableFuture();

                assertThat(failed(firstSubscription)).as("first subscription, Redis down").isTrue();
                // the documented choice: a subscribe() Redis did not confirm fails and is forgotten, riders included
                assertThat(failed(secondSubscription)).as("second subscription, riding on the first one's SUBSCRIBE").isTrue();
                server.restart();

                // nothing of the failed ones lingers: a new subscription to the channel is confirmed by Redis and receives
                Recorder third = new Recorder();
                redis.subscribe(third, "news").toCompletableFuture().get(5, TimeUnit.SECONDS);
                assertThat(server.command("PUBSUB", "NUMSUB", "news")).as("Redis holds the new subscription").contains("1");
                publishUntilReceived(server, "news", third.messages::size, Duration.ofSeconds(10));

                assertThat(third.messages).as("a subscription made once Redis is back receives").isNotEmpty();
                assertThat(first.messages).as("the failed first subscription").isEmpty();
                assertThat(second.messages).as("the failed second subscription").isEmpty();
            } finally {
                weld.shutdown();
            }
        }
    }

    static final class Recorder implements SubscriptionListener {
        final BlockingQueue<RedisMessage> messages = new LinkedBlockingQueue<>();

        @Override
        public void onMessage(RedisMessage message) {
            messages.add(message);
        }
    }

    private static boolean failed(CompletableFuture<Subscription> subscription) throws InterruptedException {
        try {
            subscription.get(15, TimeUnit.SECONDS);
            return false;
        } catch (ExecutionException e) {
            return true;
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError("subscribe neither completed nor failed within 15 s", e);
        }
    }

    private static void publishUntilReceived(RedisServer server, String channel, java.util.function.IntSupplier received, Duration within)
            throws InterruptedException {
        long deadline = System.nanoTime() + within.toNanos();
        for (int i = 0; i < 1000 && System.nanoTime() < deadline && received.getAsInt() == 0; i++) {
            server.command("PUBLISH", channel, "m" + i);
            Thread.sleep(100);
        }
    }
}
