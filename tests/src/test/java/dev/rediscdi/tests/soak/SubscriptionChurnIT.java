package dev.rediscdi.tests.soak;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.jboss.weld.environment.se.WeldContainer;
import org.junit.jupiter.api.Test;

import dev.rediscdi.RedisClient;
import dev.rediscdi.RedisException;
import dev.rediscdi.RedisMessage;
import dev.rediscdi.Subscription;
import dev.rediscdi.SubscriptionListener;
import dev.rediscdi.tests.Containers;
import dev.rediscdi.tests.Eventually;
import dev.rediscdi.tests.TestConfig;
import dev.rediscdi.testing.RedisServer;

/**
 * Subscriptions made and dropped all the time by 8 callers while Redis kills the subscription connection every 250 ms
 * (CLIENT KILL TYPE pubsub): a subscription whose stage completed hears what is published to its channel (once it is
 * subscribed again after a kill), never another channel's message, every unsubscribe() completes, once every
 * subscription is dropped Redis holds none of their channels, and the thousands of subscriptions leave no threads.
 */
class SubscriptionChurnIT {
    private static final Duration CALL_BOUND = Duration.ofSeconds(10);
    private static final int CALLERS = 8;
    private static final Duration HEAR_BOUND = Duration.ofSeconds(5);

    @Test
    void shouldHearOwnMessagesOnlyAndLeaveNothingSubscribedWhileSubscriptionsComeAndGoAcrossKills() throws Exception {
        try (RedisServer server = RedisServer.builder().start();
                TestConfig config = TestConfig.of("redis.hosts", server.uri(), "redis.timeout", "500ms", "redis.reconnect-max-delay", "200ms");
                WeldContainer weld = Containers.boot()) {
            RedisClient redis = weld.select(RedisClient.class).get();
            Eventually.get(Duration.ofSeconds(10), () -> redis.send("PING").toCompletableFuture().get(2, TimeUnit.SECONDS));
            String prefix = "churn:" + UUID.randomUUID() + ":";
            Threads before = Threads.now();
            AtomicBoolean stop = new AtomicBoolean();
            AtomicInteger heardSubscriptions = new AtomicInteger();
            Set<String> failures = ConcurrentHashMap.newKeySet();
            List<String> defects = Collections.synchronizedList(new ArrayList<>());
            List<Thread> callers = new ArrayList<>();
            for (int t = 0; t < CALLERS; t++) {
                int caller = t;
                Thread thread = new Thread(() -> {
                    for (int n = 0; n < 100_000 && !stop.get(); n++) {
                        String outcome = subscribeHearAndDrop(redis, server, prefix + caller + ":" + n);
                        if (outcome == null) {
                            heardSubscriptions.incrementAndGet();
                        } else if (outcome.startsWith("failed: ")) {
                            failures.add(outcome);
                        } else {
                            defects.add(outcome);
                        }
                    }
                }, "soak-caller-" + t);
                thread.setDaemon(true);
                callers.add(thread);
                thread.start();
            }
            try {
                for (int kill = 0; kill < 20; kill++) {
                    Thread.sleep(250);
                    server.command("CLIENT", "KILL", "TYPE", "pubsub");
                }
                int beforeQuiet = heardSubscriptions.get();
                Eventually.get(Duration.ofSeconds(10), () -> {
                    if (heardSubscriptions.get() < beforeQuiet + 20) {
                        throw new IllegalStateException("subscriptions heard since the kills: " + (heardSubscriptions.get() - beforeQuiet));
                    }
                    return null;
                });
            } finally {
                stop.set(true);
                for (Thread caller : callers) {
                    caller.join(CALL_BOUND.toMillis() + HEAR_BOUND.toMillis());
                }
            }

            assertThat(callers).as("every caller returned").noneMatch(Thread::isAlive);
            assertThat(defects).as("subscriptions that heard another's message, stayed deaf, or hung; failures seen: %s", failures).isEmpty();
            assertThat(heardSubscriptions.get()).as("subscriptions that heard their message").isGreaterThan(20);
            // a listener thread per subscription, kept a minute idle, would be thousands here; what may stay is a
            // continuation and a listener thread per caller (each idle for a minute) and Vert.x's event loops (two per processor)
            int slack = 2 * CALLERS + 2 * Runtime.getRuntime().availableProcessors();
            Threads after = Threads.settled(before, slack, Duration.ofSeconds(5));
            assertThat(after.total()).as("threads after %d subscriptions: before %s, after %s", heardSubscriptions.get(), before, after)
                    .isLessThanOrEqualTo(before.total() + slack);
            assertThat(stillSubscribed(server, prefix + "*", Duration.ofSeconds(5))).as("still subscribed in Redis").isEmpty();
        }
    }

    /**
     * Subscriptions asked for just before and after Redis kills the subscription connection: many fail (their connection
     * was lost, as documented), and once each one that was made is dropped again, Redis holds none of their channels.
     * A failed subscription left subscribed in Redis would make it send the client every message of a channel no one
     * listens to, as long as that connection lives.
     */
    @Test
    void shouldLeaveNoChannelSubscribedInRedisForSubscriptionsThatFailedAcrossAKill() throws Exception {
        try (RedisServer server = RedisServer.builder().start();
                TestConfig config = TestConfig.of("redis.hosts", server.uri(), "redis.timeout", "2s", "redis.reconnect-delay", "10ms",
                        "redis.reconnect-max-delay", "20ms");
                WeldContainer weld = Containers.boot()) {
            RedisClient redis = weld.select(RedisClient.class).get();
            redis.subscribe(message -> { }, "kept-open").toCompletableFuture().get(CALL_BOUND.toMillis(), TimeUnit.MILLISECONDS);
            String prefix = "killed:" + UUID.randomUUID() + ":";
            Map<Integer, List<String>> leftPerRound = new TreeMap<>();
            int failed = 0;
            for (int round = 0; round < 30; round++) {
                List<CompletableFuture<Subscription>> asked = new ArrayList<>();
                for (int i = 0; i < 50; i++) {
                    asked.add(redis.subscribe(message -> { }, prefix + round + ":" + i).toCompletableFuture());
                    if (i == 25) {
                        server.command("CLIENT", "KILL", "TYPE", "pubsub");
                    }
                }
                for (CompletableFuture<Subscription> each : asked) {
                    Subscription made = each.handle((subscription, error) -> subscription).get(CALL_BOUND.toMillis(), TimeUnit.MILLISECONDS);
                    if (made == null) {
                        failed++;
                    } else {
                        made.unsubscribe().toCompletableFuture().get(CALL_BOUND.toMillis(), TimeUnit.MILLISECONDS);
                    }
                }
                List<String> left = stillSubscribed(server, prefix + round + ":*", Duration.ofSeconds(2));
                if (!left.isEmpty()) {
                    leftPerRound.put(round, left);
                }
            }
            assertThat(failed).as("subscriptions that failed with their connection").isPositive();
            assertThat(leftPerRound).as("channels Redis still held after each round, of %d subscriptions that failed", failed).isEmpty();
        }
    }

    /** The channels matching {@code pattern} Redis holds once it holds none, or after {@code within}: an UNSUBSCRIBE may still be on its way. */
    private static List<String> stillSubscribed(RedisServer server, String pattern, Duration within) throws InterruptedException {
        long deadline = System.nanoTime() + within.toNanos();
        List<String> channels = server.command("PUBSUB", "CHANNELS", pattern).lines().filter(line -> !line.isBlank()).toList();
        while (!channels.isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(50);
            channels = server.command("PUBSUB", "CHANNELS", pattern).lines().filter(line -> !line.isBlank()).toList();
        }
        return channels;
    }

    /** {@code null} when it subscribed, heard its own message and unsubscribed; else what went wrong ("failed: ..." for a documented failure). */
    private static String subscribeHearAndDrop(RedisClient redis, RedisServer server, String channel) {
        LinkedBlockingQueue<RedisMessage> heard = new LinkedBlockingQueue<>();
        List<String> gaps = Collections.synchronizedList(new ArrayList<>());
        SubscriptionListener listener = new SubscriptionListener() {
            @Override
            public void onMessage(RedisMessage message) {
                heard.add(message);
            }

            @Override
            public void onConnectionLost(Throwable cause) {
                gaps.add("lost");
            }

            @Override
            public void onResubscribed() {
                gaps.add("resubscribed");
            }
        };
        Subscription subscription;
        long subscribing = System.nanoTime();
        try {
            subscription = redis.subscribe(listener, channel).toCompletableFuture().get(CALL_BOUND.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            return e.getCause() instanceof RedisException ? "failed: subscribe " + e.getCause().getClass().getSimpleName()
                    : "subscribe failed with " + e.getCause();
        } catch (TimeoutException e) {
            return "subscribe still pending after " + CALL_BOUND;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted";
        }
        String outcome = hearOwnMessage(redis, channel, heard);
        if (outcome != null && outcome.contains("heard nothing")) {
            outcome += " (subscribed " + TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - subscribing) + " ms before; Redis counts "
                    + server.command("PUBSUB", "NUMSUB", channel).replace('\n', ' ') + " subscribers; the listener was told " + gaps + ")";
        }
        try {
            subscription.unsubscribe().toCompletableFuture().handle((ok, error) -> null).get(CALL_BOUND.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException | TimeoutException e) {
            return outcome != null ? outcome : "unsubscribe did not complete within " + CALL_BOUND;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted";
        }
        return outcome;
    }

    private static String hearOwnMessage(RedisClient redis, String channel, LinkedBlockingQueue<RedisMessage> heard) {
        try {
            long deadline = System.nanoTime() + HEAR_BOUND.toNanos();
            RedisMessage message = null;
            while (message == null && System.nanoTime() < deadline) {
                // published again and again: one published while the connection was down is lost, as documented
                redis.send("PUBLISH", channel, channel).toCompletableFuture().handle((ok, error) -> null).get(CALL_BOUND.toMillis(), TimeUnit.MILLISECONDS);
                message = heard.poll(50, TimeUnit.MILLISECONDS);
            }
            if (message == null) {
                return "subscribed to " + channel + " but heard nothing within " + HEAR_BOUND;
            }
            if (!message.channel().equals(channel) || !message.payloadAsString().equals(channel)) {
                return "subscribed to " + channel + " but heard " + message.channel() + ": " + message.payloadAsString();
            }
            return null;
        } catch (ExecutionException | TimeoutException e) {
            return "PUBLISH did not complete: " + e;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted";
        }
    }
}
