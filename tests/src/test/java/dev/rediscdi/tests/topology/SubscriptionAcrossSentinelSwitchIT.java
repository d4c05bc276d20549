package dev.rediscdi.tests.topology;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;

import org.junit.jupiter.api.Test;

import dev.rediscdi.RedisMessage;
import dev.rediscdi.SubscriptionListener;

/**
 * The Sentinels name a new primary while the old one still runs ({@link SentinelSwitch}). Redis relays what a primary
 * publishes to its replicas, but the old primary replicates nothing from the new one until Sentinel demotes it, about
 * 8 s later: a subscription left on it hears nothing that other applications publish on the new primary meanwhile.
 * It must move to the primary the Sentinels name, and tell its listener as on any reconnection.
 */
class SubscriptionAcrossSentinelSwitchIT {
    private static final Logger LOG = Logger.getLogger(SubscriptionAcrossSentinelSwitchIT.class.getName());
    /** How long the test publishes after the Sentinels agreed; Sentinel demotes the old primary within it. */
    private static final Duration LISTEN = Duration.ofSeconds(12);

    @Test
    void shouldResubscribeOnThePrimaryTheSentinelsNameWhileTheOldOneStillRuns() throws Exception {
        SentinelSwitch.withClient((group, old, redis) -> {
            String channel = "sentinel-switch:" + UUID.randomUUID();
            Heard heard = new Heard();
            redis.subscribe(heard, channel).toCompletableFuture().get(5, TimeUnit.SECONDS);
            Heard shardHeard = new Heard(); // a shard channel shares the subscription connection, and moves with it
            redis.ssubscribe(shardHeard, channel).toCompletableFuture().get(5, TimeUnit.SECONDS);
            old.command("PUBLISH", channel, "before");
            old.command("SPUBLISH", channel, "before");
            assertThat(heard.await("message before", Duration.ofSeconds(5))).as("heard a message before the switch").isTrue();
            assertThat(shardHeard.await("message before", Duration.ofSeconds(5))).as("heard a shard message before the switch").isTrue();

            long switching = System.nanoTime();
            SentinelSwitch change = SentinelSwitch.force(group, old);
            for (int i = 0; i < 1000 && !(heard.anyMessageSince(switching) && shardHeard.anyMessageSince(switching))
                    && change.millisSinceAgreed() < LISTEN.toMillis(); i++) {
                change.primary().command("PUBLISH", channel, "after-" + i);
                change.primary().command("SPUBLISH", channel, "after-" + i);
                Thread.sleep(100);
            }
            String oldRole = change.oldRole();
            List<String> after = heard.since(switching, change.agreedNanos());
            List<String> shardAfter = shardHeard.since(switching, change.agreedNanos());
            LOG.info(() -> "subscription across a Sentinel switch with the old primary alive (" + oldRole + " once a message came); "
                    + "heard since the switch, in ms after every Sentinel named the new primary: " + after);

            assertThat(after).as("what the listener heard since the switch").isNotEmpty();
            assertThat(after.get(after.size() - 1)).as("a message published on the new primary").startsWith("message after-");
            assertThat(oldRole).as("the old primary still was a primary when the message came: the subscription was on the new "
                    + "one (the old one relays nothing before Sentinel demotes it)").isEqualTo("master");
            assertThat(after.stream().map(event -> event.substring(0, event.indexOf(" at "))).toList())
                    .as("told once that the subscription moved, as on a reconnection, before the first message")
                    .hasSize(3).startsWith("lost", "resubscribed");
            assertThat(shardAfter).as("what the shard channel's listener heard since the switch").isNotEmpty();
            assertThat(shardAfter.get(shardAfter.size() - 1)).as("a shard message published on the new primary").startsWith("message after-");
            assertThat(shardAfter.stream().map(event -> event.substring(0, event.indexOf(" at "))).toList())
                    .as("the shard channel's listener told once, as on a reconnection, before the first message")
                    .hasSize(3).startsWith("lost", "resubscribed");
        }, "redis.timeout", "1s");
    }

    /** What the listener heard, in order, and when: {@code message <payload>}, {@code lost}, {@code resubscribed}. */
    private static final class Heard implements SubscriptionListener {
        private final List<String> events = new ArrayList<>();
        private final List<Long> times = new ArrayList<>();

        @Override
        public void onMessage(RedisMessage message) {
            add("message " + message.payloadAsString());
        }

        @Override
        public void onConnectionLost(Throwable cause) {
            add("lost");
        }

        @Override
        public void onResubscribed() {
            add("resubscribed");
        }

        private synchronized void add(String event) {
            events.add(event);
            times.add(System.nanoTime());
            notifyAll();
        }

        /** Waits (at most {@code within}) for {@code event} to be heard. */
        synchronized boolean await(String event, Duration within) throws InterruptedException {
            long deadline = System.nanoTime() + within.toNanos();
            while (!events.contains(event) && System.nanoTime() < deadline) {
                wait(Math.max(1, (deadline - System.nanoTime()) / 1_000_000));
            }
            return events.contains(event);
        }

        synchronized boolean anyMessageSince(long nanos) {
            return since(nanos, nanos).stream().anyMatch(event -> event.startsWith("message"));
        }

        /** The events heard since {@code from} up to the first message, each with the milliseconds since {@code zero}. */
        synchronized List<String> since(long from, long zero) {
            List<String> heard = new ArrayList<>();
            for (int i = 0; i < events.size(); i++) {
                if (times.get(i) - from >= 0) {
                    heard.add(events.get(i) + " at " + (times.get(i) - zero) / 1_000_000 + " ms");
                    if (events.get(i).startsWith("message")) {
                        break;
                    }
                }
            }
            return heard;
        }
    }
}
