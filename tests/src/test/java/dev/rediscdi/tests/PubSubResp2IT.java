package dev.rediscdi.tests;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.inject.Inject;

import org.jboss.weld.junit5.WeldInitiator;
import org.jboss.weld.junit5.WeldJunit5Extension;
import org.jboss.weld.junit5.WeldSetup;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

import dev.rediscdi.RedisClient;
import dev.rediscdi.RedisMessage;
import dev.rediscdi.Subscription;
import dev.rediscdi.SubscriptionListener;
import dev.rediscdi.testing.RedisServer;
import dev.rediscdi.testing.RedisServerExtension;

/** Subscriptions over RESP2 (pub/sub replies are plain arrays there, not push frames), many on one connection. */
@ExtendWith(WeldJunit5Extension.class)
class PubSubResp2IT {
    private static final int CHANNELS = 200;

    @RegisterExtension
    static final RedisServerExtension REDIS = new RedisServerExtension(RedisServer.builder());

    @RegisterExtension
    final TestConfig config = TestConfig.of("redis.hosts", REDIS.server().uri(), "redis.protocol", "resp2",
            "redis.reconnect-max-delay", "500ms");

    @WeldSetup
    WeldInitiator weld = Containers.initiator();

    @Inject
    RedisClient redis;

    static final class Recorder implements SubscriptionListener {
        final List<String> messages = new CopyOnWriteArrayList<>();
        final AtomicInteger lost = new AtomicInteger();
        final AtomicInteger resubscribed = new AtomicInteger();

        @Override
        public void onMessage(RedisMessage message) {
            messages.add(message.channel() + "=" + message.payloadAsString());
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

    @Test
    void shouldRestoreManySubscriptionsMixedWithPatternsInOrderWithoutDuplicates() throws Exception {
        List<Recorder> recorders = new ArrayList<>();
        List<CompletableFuture<Subscription>> subscriptions = new ArrayList<>();
        for (int i = 0; i < CHANNELS; i++) {
            Recorder recorder = new Recorder();
            recorders.add(recorder);
            subscriptions.add(redis.subscribe(recorder, "ch." + i).toCompletableFuture());
        }
        Recorder pattern = new Recorder();
        subscriptions.add(redis.psubscribe(pattern, "ch.1*").toCompletableFuture());
        CompletableFuture.allOf(subscriptions.toArray(CompletableFuture[]::new)).get(10, TimeUnit.SECONDS);

        publishToEveryChannel("a");
        REDIS.server().restart();
        Eventually.get(Duration.ofSeconds(15), () -> check(recorders.stream().allMatch(recorder -> recorder.resubscribed.get() > 0)
                && pattern.resubscribed.get() > 0, "every subscription told of its resubscription"));
        publishToEveryChannel("b");

        Eventually.get(Duration.ofSeconds(10), () -> check(recorders.stream().allMatch(recorder -> recorder.messages.size() >= 6), "all messages"));
        for (int i = 0; i < CHANNELS; i++) {
            String channel = "ch." + i;
            assertThat(recorders.get(i).messages).as(channel).containsExactly(channel + "=a0", channel + "=a1", channel + "=a2",
                    channel + "=b0", channel + "=b1", channel + "=b2");
            assertThat(recorders.get(i).lost).as(channel).hasValue(1);
            assertThat(recorders.get(i).resubscribed).as(channel).hasValue(1);
        }
        long matching = java.util.stream.IntStream.range(0, CHANNELS).filter(i -> ("ch." + i).startsWith("ch.1")).count();
        Eventually.get(Duration.ofSeconds(10), () -> check(pattern.messages.size() >= matching * 6, "pattern messages"));
        Thread.sleep(200);
        assertThat(pattern.messages).hasSize((int) matching * 6);
        assertThat(pattern.resubscribed).hasValue(1);
    }

    @Test
    void shouldNotDeliverToAListenerOnceItsUnsubscribeCompleted() throws Exception {
        CountDownLatch firstTaken = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        List<String> afterUnsubscribe = new CopyOnWriteArrayList<>();
        AtomicInteger calls = new AtomicInteger();
        java.util.concurrent.atomic.AtomicBoolean unsubscribed = new java.util.concurrent.atomic.AtomicBoolean();
        Subscription subscription = redis.subscribe(message -> {
            if (unsubscribed.get()) {
                afterUnsubscribe.add(message.payloadAsString());
            }
            if (calls.incrementAndGet() == 1) {
                firstTaken.countDown();
                try {
                    release.await(10, TimeUnit.SECONDS); // a slow first message: the next ones wait in line
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }, "orders").toCompletableFuture().get(5, TimeUnit.SECONDS);
        for (int i = 0; i < 5; i++) {
            REDIS.server().command("PUBLISH", "orders", "o" + i);
        }
        assertThat(firstTaken.await(5, TimeUnit.SECONDS)).isTrue();
        Thread.sleep(200); // the other four have been read from Redis by now

        subscription.unsubscribe().toCompletableFuture().get(5, TimeUnit.SECONDS);
        unsubscribed.set(true);
        release.countDown();

        Thread.sleep(500);
        assertThat(afterUnsubscribe).as("messages given to the listener after unsubscribe() completed").isEmpty();
    }

    @Test
    void shouldKeepDeliveringAfterTheListenerThrows() throws Exception {
        List<String> received = new CopyOnWriteArrayList<>();
        redis.subscribe(message -> {
            received.add(message.payloadAsString());
            if (message.payloadAsString().equals("bad")) {
                throw new IllegalStateException("the listener's own bug");
            }
        }, "throwing").toCompletableFuture().get(5, TimeUnit.SECONDS);

        REDIS.server().command("PUBLISH", "throwing", "bad");
        REDIS.server().command("PUBLISH", "throwing", "good");

        Eventually.get(Duration.ofSeconds(5), () -> check(received.size() == 2, "both messages"));
        assertThat(received).containsExactly("bad", "good");
    }

    @Test
    void shouldForgetASubscriptionEndedWhileDisconnected() throws Exception {
        Recorder ended = new Recorder();
        Recorder kept = new Recorder();
        Subscription toEnd = redis.subscribe(ended, "ended").toCompletableFuture().get(5, TimeUnit.SECONDS);
        redis.subscribe(kept, "kept").toCompletableFuture().get(5, TimeUnit.SECONDS);

        REDIS.server().stop();
        Eventually.get(Duration.ofSeconds(10), () -> check(kept.lost.get() == 1, "told of the lost connection"));
        toEnd.unsubscribe().toCompletableFuture().get(5, TimeUnit.SECONDS);
        REDIS.server().restart();
        Eventually.get(Duration.ofSeconds(15), () -> check(kept.resubscribed.get() == 1, "resubscribed"));

        assertThat(REDIS.server().command("PUBSUB", "NUMSUB", "ended")).as("ended is no longer subscribed").contains("0");
        REDIS.server().command("PUBLISH", "ended", "unheard");
        REDIS.server().command("PUBLISH", "kept", "heard");
        Eventually.get(Duration.ofSeconds(5), () -> check(kept.messages.size() == 1, "kept receives"));
        assertThat(ended.messages).isEmpty();
        assertThat(ended.resubscribed).hasValue(0);
    }

    private static boolean check(boolean condition, String what) {
        if (!condition) {
            throw new IllegalStateException("not yet: " + what);
        }
        return true;
    }

    private void publishToEveryChannel(String prefix) {
        for (int n = 0; n < 3; n++) {
            for (int i = 0; i < CHANNELS; i++) {
                REDIS.server().command("PUBLISH", "ch." + i, prefix + n);
            }
        }
    }
}
