package dev.rediscdi.tests.soak;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.inject.Inject;

import org.jboss.weld.junit5.WeldInitiator;
import org.jboss.weld.junit5.WeldJunit5Extension;
import org.jboss.weld.junit5.WeldSetup;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

import dev.rediscdi.NamedRedisClient;
import dev.rediscdi.RedisClient;
import dev.rediscdi.RedisMessage;
import dev.rediscdi.RedisOverloadedException;
import dev.rediscdi.SubscriptionListener;
import dev.rediscdi.tests.Containers;
import dev.rediscdi.tests.Eventually;
import dev.rediscdi.tests.TestConfig;
import dev.rediscdi.testing.RedisServer;
import dev.rediscdi.testing.RedisServerExtension;

/**
 * A listener stuck on its first message while far more is published than the client keeps for one listener
 * ({@link SubscriptionListener}: 10,000 messages or 32 MB of payload): the client reads everything Redis sends, so
 * Redis' own limit for slow subscribers never applies, and without the client's bound every message would wait in
 * its heap. What falls behind the bound is dropped, the newest first; once released, the listener gets what waited,
 * in order, then hears of the gap as of a lost connection ({@code onConnectionLost} with a
 * {@link RedisOverloadedException} naming how many were dropped, then {@code onResubscribed}), then every later
 * message in order.
 */
@ExtendWith(WeldJunit5Extension.class)
class SlowListenerIT {
    private static final int MAX_WAITING_MESSAGES = 10_000;
    private static final int MAX_WAITING_BYTES = 32 * 1024 * 1024;
    /** The message the listener is stuck on, which no longer waits, and one for rounding. */
    private static final int SLACK = 2;
    private static final Duration BOUND = Duration.ofSeconds(60); // generous: the machine may be loaded
    private static final Pattern DROPPED = Pattern.compile("(\\d+) messages? dropped");

    // Redis never disconnects the subscriber for its output buffer here: what is tested is the client's own bound
    @RegisterExtension
    static final RedisServerExtension REDIS = new RedisServerExtension(RedisServer.builder().config("client-output-buffer-limit", "pubsub 0 0 0"));

    @RegisterExtension
    final TestConfig config = TestConfig.of("redis.hosts", REDIS.server().uri(), "redis.publisher.hosts", REDIS.server().uri());

    @WeldSetup
    WeldInitiator weld = Containers.initiator();

    @Inject
    RedisClient redis;

    /** Another client, its own connection: publishes as any other Redis client would. */
    @Inject
    @NamedRedisClient("publisher")
    RedisClient publisher;

    @Test
    void shouldKeepAtMostTenThousandMessagesForAStuckListenerAndTellItOfTheGap() throws Exception {
        int published = MAX_WAITING_MESSAGES + 5_000;
        String channel = "slow:" + UUID.randomUUID();
        StuckListener listener = stuckOn(channel);
        try {
            // in flights of 1,000: bounds what this thread has in flight at once
            List<CompletableFuture<?>> flight = new ArrayList<>();
            for (int n = 1; n < published; n++) {
                flight.add(publisher.send("PUBLISH", channel, Integer.toString(n)).toCompletableFuture());
                if (flight.size() == 1_000 || n == published - 1) {
                    CompletableFuture.allOf(flight.toArray(CompletableFuture[]::new)).get(BOUND.toSeconds(), TimeUnit.SECONDS);
                    flight.clear();
                }
            }
            awaitEverythingRead();
        } finally {
            listener.release.countDown();
        }
        List<String> heard = listener.heardOnceResubscribed(channel, "after-", 100);

        int delivered = assertOldestDelivered(heard, MAX_WAITING_MESSAGES + SLACK, published + " messages published, at most "
                + MAX_WAITING_MESSAGES + " waiting");
        assertGap(listener, delivered, published, channel);
        List<String> after = new ArrayList<>(List.of("LOST", "RESUBSCRIBED"));
        for (int n = 0; n < 100; n++) {
            after.add("after-" + n);
        }
        assertThat(heard.subList(delivered, heard.size())).as("the gap, then every message published once the listener caught up, in order")
                .containsExactlyElementsOf(after);
    }

    @Test
    void shouldKeepAtMostThirtyTwoMegabytesOfPayloadForAStuckListener() throws Exception {
        int size = 1024 * 1024;
        int published = MAX_WAITING_BYTES / size + 16;
        String channel = "slow-bytes:" + UUID.randomUUID();
        StuckListener listener = stuckOn(channel);
        try {
            for (int n = 1; n < published; n++) {
                byte[] payload = new byte[size];
                Arrays.fill(payload, (byte) ' ');
                byte[] number = (n + ":").getBytes(StandardCharsets.US_ASCII);
                System.arraycopy(number, 0, payload, 0, number.length);
                publisher.send("PUBLISH", channel.getBytes(StandardCharsets.UTF_8), payload).toCompletableFuture().get(BOUND.toSeconds(), TimeUnit.SECONDS);
            }
            awaitEverythingRead();
        } finally {
            listener.release.countDown();
        }
        List<String> heard = listener.heardOnceResubscribed(channel, "after-", 3);

        int delivered = assertOldestDelivered(heard, MAX_WAITING_BYTES / size + SLACK, published + " messages of " + size + " bytes published, at "
                + "most " + MAX_WAITING_BYTES + " bytes waiting");
        assertGap(listener, delivered, published, channel);
        assertThat(heard.subList(delivered, heard.size())).containsExactly("LOST", "RESUBSCRIBED", "after-0", "after-1", "after-2");
    }

    /**
     * The listener, stuck and past the bound, also loses its connection, which the client makes again at once: it is
     * told of both gaps while still stuck. A message published after the resubscription is dropped too (the listener is
     * behind still): it must hear of that gap after the resubscription, else it takes every later message for delivered
     * (a cache it cleared on onResubscribed would keep what that message invalidated).
     */
    @Test
    void shouldTellAGapAfterTheResubscriptionOfAStuckListenerAfterIt() throws Exception {
        int published = MAX_WAITING_MESSAGES + 5;
        String channel = "slow-lost:" + UUID.randomUUID();
        StuckListener listener = stuckOn(channel);
        try {
            List<CompletableFuture<?>> flight = new ArrayList<>();
            for (int n = 1; n < published; n++) {
                flight.add(publisher.send("PUBLISH", channel, Integer.toString(n)).toCompletableFuture());
            }
            CompletableFuture.allOf(flight.toArray(CompletableFuture[]::new)).get(BOUND.toSeconds(), TimeUnit.SECONDS);
            awaitEverythingRead();
            publisher.send("CLIENT", "KILL", "TYPE", "pubsub").toCompletableFuture().get(10, TimeUnit.SECONDS);
            Eventually.get(BOUND, () -> {
                long subscribers = publisher.send("PUBSUB", "NUMSUB", channel).toCompletableFuture().get(10, TimeUnit.SECONDS).get(1).toLong();
                if (subscribers != 1) {
                    throw new IllegalStateException("not subscribed again yet");
                }
                return null;
            });
            awaitEverythingRead(); // the resubscription confirmed: the listener is told, behind the messages it has not taken
            publish(channel, "after-resubscription");
            awaitEverythingRead();
        } finally {
            listener.release.countDown();
        }
        Eventually.get(BOUND, () -> {
            if (listener.heard.stream().filter("RESUBSCRIBED"::equals).count() < 2) {
                throw new IllegalStateException("not told of both gaps yet: " + listener.heard.size() + " heard");
            }
            return null;
        });
        List<String> heard = listener.heardOnceResubscribed(channel, "after-", 3);

        int delivered = assertOldestDelivered(heard, MAX_WAITING_MESSAGES + SLACK, published + " messages published, at most "
                + MAX_WAITING_MESSAGES + " waiting");
        List<String> after = heard.subList(delivered, heard.size());
        assertThat(after.subList(0, 4)).as("the gap of the dropped messages, then the lost connection: %s", after)
                .containsExactly("LOST", "RESUBSCRIBED", "LOST", "RESUBSCRIBED");
        assertThat(after.subList(4, after.size())).as("after the resubscription, the message published then, or a gap told in its place: %s", after)
                .containsAnyOf("after-resubscription", "LOST");
        assertThat(after).endsWith("after-0", "after-1", "after-2");
    }

    /** A listener subscribed to {@code channel}, stuck on the first message published there once this returns. */
    private StuckListener stuckOn(String channel) throws Exception {
        StuckListener listener = new StuckListener();
        redis.subscribe(listener, channel).toCompletableFuture().get(10, TimeUnit.SECONDS);
        publish(channel, "0");
        assertThat(listener.stuck.await(BOUND.toSeconds(), TimeUnit.SECONDS)).as("the listener got its first message").isTrue();
        return listener;
    }

    private void publish(String channel, String payload) throws Exception {
        publisher.send("PUBLISH", channel, payload).toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    /**
     * Publishes to another channel of the same client, heard by another listener: the subscription connection carries
     * the messages in order, so once that one is heard, the client has read every message published before it.
     */
    private void awaitEverythingRead() throws Exception {
        String marker = "marker:" + UUID.randomUUID();
        BlockingQueue<RedisMessage> heard = new LinkedBlockingQueue<>();
        redis.subscribe(heard::add, marker).toCompletableFuture().get(10, TimeUnit.SECONDS);
        publish(marker, "after everything");
        assertThat(heard.poll(BOUND.toSeconds(), TimeUnit.SECONDS)).as("the marker published after everything else").isNotNull();
    }

    /** Checks that the messages heard before the gap are the oldest published, in order, and at most {@code most}; returns how many. */
    private static int assertOldestDelivered(List<String> heard, int most, String what) {
        int lost = heard.indexOf("LOST");
        assertThat(lost).as("the listener heard of the gap: %s", summary(heard)).isPositive();
        assertThat(lost).as("messages delivered while the listener was stuck (%s)", what).isLessThanOrEqualTo(most);
        for (int n = 0; n < lost; n++) {
            assertThat(heard.get(n)).as("delivered in order, the oldest: message %d", n).isEqualTo(Integer.toString(n));
        }
        return lost;
    }

    private static void assertGap(StuckListener listener, int delivered, int published, String channel) {
        assertThat(listener.causes).as("causes of the gaps").hasSize(1);
        Throwable cause = listener.causes.get(0);
        assertThat(cause).isInstanceOf(RedisOverloadedException.class).hasMessageContaining(channel);
        Matcher dropped = DROPPED.matcher(cause.getMessage());
        assertThat(dropped.find()).as("the count of dropped messages in: %s", cause.getMessage()).isTrue();
        assertThat(Integer.parseInt(dropped.group(1))).as("dropped, in: %s", cause.getMessage()).isEqualTo(published - delivered);
    }

    private static String summary(List<String> heard) {
        return heard.size() <= 20 ? heard.toString() : heard.size() + " events, the last " + heard.subList(heard.size() - 10, heard.size());
    }

    /** Stuck on its first message until released; keeps what it hears, a message as its number (what comes before ':'). */
    private final class StuckListener implements SubscriptionListener {
        final CountDownLatch stuck = new CountDownLatch(1);
        final CountDownLatch release = new CountDownLatch(1);
        final List<String> heard = Collections.synchronizedList(new ArrayList<>());
        final List<Throwable> causes = Collections.synchronizedList(new ArrayList<>());

        @Override
        public void onMessage(RedisMessage message) {
            if (stuck.getCount() > 0) {
                stuck.countDown();
                try {
                    release.await(BOUND.toSeconds(), TimeUnit.SECONDS); // a JDBC call that hangs, a remote call with no timeout...
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            String payload = new String(message.payload(), 0, Math.min(64, message.payload().length), StandardCharsets.US_ASCII);
            int end = payload.indexOf(':');
            heard.add(end < 0 ? payload : payload.substring(0, end));
        }

        @Override
        public void onConnectionLost(Throwable cause) {
            causes.add(cause);
            heard.add("LOST");
        }

        @Override
        public void onResubscribed() {
            heard.add("RESUBSCRIBED");
        }

        /** Once the listener heard it was resubscribed, publishes {@code count} messages named {@code prefix + n}; returns all heard once they came. */
        List<String> heardOnceResubscribed(String channel, String prefix, int count) throws Exception {
            Eventually.get(BOUND, () -> {
                if (!heard.contains("RESUBSCRIBED")) {
                    throw new IllegalStateException("not resubscribed yet: " + heard.size() + " heard");
                }
                return null;
            });
            for (int n = 0; n < count; n++) {
                publish(channel, prefix + n);
            }
            String last = prefix + (count - 1);
            Eventually.get(BOUND, () -> {
                if (!heard.contains(last)) {
                    throw new IllegalStateException(last + " not heard yet: " + heard.size() + " heard");
                }
                return null;
            });
            synchronized (heard) {
                return new ArrayList<>(heard);
            }
        }
    }
}
