package dev.rediscdi.tests;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Default;

import org.jboss.weld.environment.se.WeldContainer;
import org.junit.jupiter.api.Test;

import dev.rediscdi.NamedRedisClient;
import dev.rediscdi.RedisMessage;
import dev.rediscdi.testing.RedisServer;
import io.vertx.core.Context;

/** Messages of configured channels and patterns fired as CDI events, from start-up on, across a Redis restart. */
class MessageEventsIT {

    @ApplicationScoped
    public static class Inbox {
        private final List<String> orders = new CopyOnWriteArrayList<>();
        private final List<String> alerts = new CopyOnWriteArrayList<>();
        private final List<String> threads = new CopyOnWriteArrayList<>();

        void onOrder(@Observes @Default RedisMessage message) {
            orders.add(message.channel() + "=" + message.payloadAsString());
            threads.add(Context.isOnEventLoopThread() ? "event-loop" : "worker");
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

        public List<String> threads() {
            return threads;
        }
    }

    @Test
    void shouldFireMessagesOfEachClientWithItsQualifierInOrderOffTheEventLoop() throws Exception {
        try (RedisServer main = RedisServer.builder().start();
                RedisServer ops = RedisServer.builder().start();
                TestConfig config = TestConfig.of("redis.hosts", main.uri(), "redis.events.channels", "orders",
                        "redis.ops.hosts", ops.uri(), "redis.ops.events.patterns", "alerts.*");
                WeldContainer weld = Containers.boot(Inbox.class)) {
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
