package dev.rediscdi.tests;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Default;
import jakarta.inject.Inject;

import org.jboss.weld.environment.se.WeldContainer;
import org.junit.jupiter.api.Test;

import dev.rediscdi.NamedRedisClient;
import dev.rediscdi.RedisMessage;
import dev.rediscdi.SubscriptionChange;
import dev.rediscdi.testing.RedisServer;
import io.vertx.core.Context;

/**
 * Messages of configured channels and patterns fired as CDI events, from start-up on, across a Redis restart, in line
 * with the events telling the subscription was lost and made again.
 */
class MessageEventsIT {

    @ApplicationScoped
    public static class Inbox {
        private final List<String> orders = new CopyOnWriteArrayList<>();
        private final List<String> alerts = new CopyOnWriteArrayList<>();
        private final List<String> threads = new CopyOnWriteArrayList<>();

        private final List<String> timeline = new CopyOnWriteArrayList<>();

        void onOrder(@Observes @Default RedisMessage message) {
            orders.add(message.channel() + "=" + message.payloadAsString());
            timeline.add(message.channel() + "=" + message.payloadAsString());
            threads.add(Context.isOnEventLoopThread() ? "event-loop" : "worker");
        }

        void onOrdersSubscription(@Observes @Default SubscriptionChange change) {
            timeline.add(change.status() + " " + change.topics() + (change.patterns() ? " patterns" : " channels")
                    + (change.cause() == null ? "" : " (cause given)"));
        }

        void onAlert(@Observes @NamedRedisClient("ops") RedisMessage message) {
            alerts.add(message.pattern() + ":" + message.channel() + "=" + message.payloadAsString());
        }

        public List<String> orders() {
            return orders;
        }

        public List<String> alerts() {
            return alerts;
        }

        public List<String> timeline() {
            return timeline;
        }

        public List<String> threads() {
            return threads;
        }
    }

    /** A near cache kept by invalidation messages. */
    @ApplicationScoped
    public static class NearCache {
        private final AtomicInteger clears = new AtomicInteger();

        void clear() {
            clears.incrementAndGet();
        }

        int clears() {
            return clears.get();
        }
    }

    /** The README's sample. */
    @ApplicationScoped
    public static class NearCacheInvalidation {
        @Inject
        NearCache nearCache;

        void on(@Observes @Default SubscriptionChange change) {
            if (change.status() == SubscriptionChange.Status.RESUBSCRIBED) {
                nearCache.clear(); // invalidations published while the subscription was down never came
            }
        }
    }

    @Test
    void shouldShowTheNearCacheSampleVerbatim() throws Exception {
        String source = Files.readString(Path.of("src/test/java/dev/rediscdi/tests/MessageEventsIT.java"));
        String sample = source.substring(source.indexOf("void on(@Observes @Default SubscriptionChange"));
        sample = sample.substring(0, sample.indexOf("\n        }\n") + 10);
        assertThat(stripped(Files.readString(Path.of("..", "README.md")))).contains(stripped(sample));
    }

    private static String stripped(String text) {
        return text.lines().map(String::strip).collect(Collectors.joining("\n"));
    }

    @Test
    void shouldFireMessagesOfEachClientWithItsQualifierInOrderOffTheEventLoop() throws Exception {
        try (RedisServer main = RedisServer.builder().start();
                RedisServer ops = RedisServer.builder().start();
                TestConfig config = TestConfig.of("redis.hosts", main.uri(), "redis.events.channels", "orders",
                        "redis.ops.hosts", ops.uri(), "redis.ops.events.patterns", "alerts.*");
                WeldContainer weld = Containers.boot(Inbox.class, NearCache.class, NearCacheInvalidation.class)) {
            Inbox inbox = weld.select(Inbox.class).get();

            Eventually.get(Duration.ofSeconds(10), () -> subscribed(main, "orders", "PUBSUB", "NUMSUB", "orders"));
            Eventually.get(Duration.ofSeconds(10), () -> subscribed(ops, "alerts.*", "PUBSUB", "NUMPAT"));
            for (int i = 0; i < 100; i++) {
                main.command("PUBLISH", "orders", "o" + i);
            }
            ops.command("PUBLISH", "alerts.disk", "full");
            main.command("PUBLISH", "alerts.disk", "not for ops");

            Eventually.get(Duration.ofSeconds(10), () -> size(inbox.orders(), 100));
            assertThat(inbox.orders()).startsWith("orders=o0", "orders=o1").endsWith("orders=o99");
            assertThat(inbox.orders()).containsExactlyElementsOf(java.util.stream.IntStream.range(0, 100).mapToObj(i -> "orders=o" + i).toList());
            assertThat(inbox.threads()).containsOnly("worker");
            Eventually.get(Duration.ofSeconds(10), () -> size(inbox.alerts(), 1));
            assertThat(inbox.alerts()).containsExactly("alerts.*:alerts.disk=full");

            main.restart();
            Eventually.get(Duration.ofSeconds(15), () -> subscribed(main, "orders", "PUBSUB", "NUMSUB", "orders"));
            main.command("PUBLISH", "orders", "after-restart");
            Eventually.get(Duration.ofSeconds(10), () -> size(inbox.orders(), 101));
            assertThat(inbox.orders()).last().isEqualTo("orders=after-restart");
            assertThat(inbox.timeline().subList(99, inbox.timeline().size())).as("messages and subscription changes, in order")
                    .containsExactly("orders=o99", "LOST [orders] channels (cause given)", "RESUBSCRIBED [orders] channels", "orders=after-restart");
            assertThat(weld.select(NearCache.class).get().clears()).as("near cache clears").isEqualTo(1);
        }
    }

    private static String subscribed(RedisServer server, String what, String... command) {
        String reply = server.command(command);
        if (!reply.matches("(?s).*\\b1\\b.*")) {
            throw new IllegalStateException(what + " not subscribed yet: " + reply);
        }
        return reply;
    }

    private static List<String> size(List<String> list, int expected) {
        if (list.size() < expected) {
            throw new IllegalStateException(list.size() + " of " + expected);
        }
        return list;
    }
}
