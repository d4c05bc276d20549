package dev.rediscdi.tests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Default;

import org.jboss.weld.environment.se.WeldContainer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import dev.rediscdi.NamedRedisClient;
import dev.rediscdi.RedisMessage;
import dev.rediscdi.SubscriptionChange;
import dev.rediscdi.testing.RedisServer;
import dev.rediscdi.testing.RedisServerExtension;
import io.vertx.core.Context;

/**
 * Messages of configured shard channels ({@code events.shard-channels}, SSUBSCRIBE) fired as CDI events on one node, as
 * those of {@code events.channels} are: from start-up on, or from when Redis answers, across a restart, in line with
 * the subscription's changes, one observer call at a time with the client's channels.
 */
class ShardChannelEventsIT {

    @RegisterExtension
    static final RedisServerExtension REDIS = new RedisServerExtension(RedisServer.builder());

    /** Every event of the default client, in the order observed. */
    @ApplicationScoped
    public static class Timeline {
        private final List<String> events = new CopyOnWriteArrayList<>();
        private final List<String> calls = new CopyOnWriteArrayList<>();

        void onMessage(@Observes @Default RedisMessage message) {
            events.add(message.channel() + "=" + message.payloadAsString() + (message.pattern() == null ? "" : " via " + message.pattern())
                    + (message.sharded() ? " (shard)" : ""));
            calls.add((Context.isOnEventLoopThread() ? "event-loop" : "worker") + " "
                    + (Thread.currentThread().getContextClassLoader() == ShardChannelEventsIT.class.getClassLoader() ? "application loader" : "other loader"));
        }

        void onChange(@Observes @Default SubscriptionChange change) {
            events.add(change.status() + " " + change.topics() + (change.sharded() ? " shard channels" : change.patterns() ? " patterns" : " channels")
                    + (change.cause() == null ? "" : " (cause given)"));
        }

        public List<String> events() {
            return events;
        }

        public List<String> calls() {
            return calls;
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"resp3", "resp2"})
    void shouldFireShardMessagesButNotChannelMessagesOfTheSameNameAcrossARestart(String protocol) throws Exception {
        try (TestConfig config = TestConfig.of("redis.hosts", REDIS.server().uri(), "redis.protocol", protocol,
                "redis.events.shard-channels", "orders,{eu}.payments", "redis.reconnect-max-delay", "500ms");
                WeldContainer weld = Containers.boot(Timeline.class)) {
            Timeline timeline = weld.select(Timeline.class).get();
            Eventually.get(Duration.ofSeconds(10), () -> shardSubscribed("orders", "{eu}.payments"));

            assertThat(REDIS.server().command("PUBLISH", "orders", "a channel, not the shard channel")).as("receivers of PUBLISH orders")
                    .isEqualTo("0");
            REDIS.server().command("SPUBLISH", "{eu}.payments", "p1");
            for (int i = 0; i < 50; i++) {
                REDIS.server().command("SPUBLISH", "orders", "o" + i);
            }
            Eventually.get(Duration.ofSeconds(10), () -> size(timeline.events(), 51));
            assertThat(timeline.events()).as("events of the shard channels, in the order published").containsExactlyElementsOf(
                    IntStream.range(-1, 50).mapToObj(i -> i < 0 ? "{eu}.payments=p1 (shard)" : "orders=o" + i + " (shard)").toList());
            assertThat(timeline.calls()).as("observer threads and class loaders").containsOnly("worker application loader");

            REDIS.server().restart();
            Eventually.get(Duration.ofSeconds(15), () -> shardSubscribed("orders", "{eu}.payments"));
            REDIS.server().command("SPUBLISH", "orders", "after-restart");
            Eventually.get(Duration.ofSeconds(10), () -> size(timeline.events(), 54));

            assertThat(timeline.events().subList(50, timeline.events().size())).as("messages and subscription changes, in order")
                    .containsExactly("orders=o49 (shard)", "LOST [orders, {eu}.payments] shard channels (cause given)",
                            "RESUBSCRIBED [orders, {eu}.payments] shard channels", "orders=after-restart (shard)");
        }
    }

    /** Channels and shard channels are two namespaces in Redis: a name in both keys is subscribed both ways. */
    @Test
    void shouldFireOneEventForEachOfAPublishAndAnSpublishToANameInBothKeys() throws Exception {
        try (TestConfig config = TestConfig.of("redis.hosts", REDIS.server().uri(), "redis.events.channels", "orders",
                "redis.events.shard-channels", "orders", "redis.reconnect-max-delay", "500ms");
                WeldContainer weld = Containers.boot(Timeline.class)) {
            Timeline timeline = weld.select(Timeline.class).get();
            Eventually.get(Duration.ofSeconds(10), () -> shardSubscribed("orders"));
            Eventually.get(Duration.ofSeconds(10), () -> lastNumber(REDIS.server().command("PUBSUB", "NUMSUB", "orders"), 1));

            assertThat(REDIS.server().command("PUBLISH", "orders", "published")).as("receivers of PUBLISH orders").isEqualTo("1");
            assertThat(REDIS.server().command("SPUBLISH", "orders", "shard-published")).as("receivers of SPUBLISH orders").isEqualTo("1");
            REDIS.server().command("PUBLISH", "orders", "last");
            Eventually.get(Duration.ofSeconds(10), () -> size(timeline.events(), 3));
            assertThat(timeline.events()).as("messages, told apart by sharded()")
                    .containsExactly("orders=published", "orders=shard-published (shard)", "orders=last");

            REDIS.server().restart();
            Eventually.get(Duration.ofSeconds(15), () -> size(timeline.events(), 7));
            assertThat(timeline.events().subList(3, 7)).as("one pair of changes for each subscription, told apart by sharded()")
                    .containsExactlyInAnyOrder("LOST [orders] channels (cause given)", "LOST [orders] shard channels (cause given)",
                            "RESUBSCRIBED [orders] channels", "RESUBSCRIBED [orders] shard channels");
            assertThat(timeline.events().subList(3, 5)).as("both lost before either is back").allMatch(event -> event.startsWith("LOST"));
        }
    }

    @Test
    void shouldSubscribeOnceRedisStartsAfterTheApplicationAndTellTheGapOnce() throws Exception {
        try (TestConfig config = TestConfig.of("redis.hosts", REDIS.server().uri(), "redis.events.shard-channels", "orders",
                "redis.reconnect-max-delay", "500ms")) {
            REDIS.server().stop();
            try (WeldContainer weld = Containers.boot(Timeline.class)) {
                Timeline timeline = weld.select(Timeline.class).get();
                Thread.sleep(500); // the start-up subscription has failed by now: connection refused
                REDIS.server().restart();

                long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
                for (int i = 0; i < 1000 && System.nanoTime() < deadline && timeline.events().stream().noneMatch(e -> e.startsWith("orders=")); i++) {
                    REDIS.server().command("SPUBLISH", "orders", "m" + i);
                    Thread.sleep(100);
                }

                assertThat(timeline.events()).as("events once Redis is up").anyMatch(event -> event.startsWith("orders=m"));
                // from start-up to the first subscription is a gap like any other: told once, then its end once
                assertThat(timeline.events().subList(0, 2)).containsExactly("LOST [orders] shard channels (cause given)",
                        "RESUBSCRIBED [orders] shard channels");
                assertThat(timeline.events().subList(2, timeline.events().size())).allMatch(event -> event.startsWith("orders=m"));
            }
        }
    }

    @ApplicationScoped
    public static class TwoClients {
        private final List<String> orders = new CopyOnWriteArrayList<>();
        private final List<String> alerts = new CopyOnWriteArrayList<>();

        void onDefault(@Observes @Default RedisMessage message) {
            orders.add(message.channel() + "=" + message.payloadAsString());
        }

        void onOps(@Observes @NamedRedisClient("ops") RedisMessage message) {
            alerts.add(message.channel() + "=" + message.payloadAsString());
        }

        public List<String> orders() {
            return orders;
        }

        public List<String> alerts() {
            return alerts;
        }
    }

    @Test
    void shouldFireTheShardMessagesOfANamedClientWithItsQualifier() throws Exception {
        try (RedisServer ops = RedisServer.builder().start();
                TestConfig config = TestConfig.of("redis.hosts", REDIS.server().uri(), "redis.events.shard-channels", "orders",
                        "redis.ops.hosts", ops.uri(), "redis.ops.events.shard-channels", "alerts,orders");
                WeldContainer weld = Containers.boot(TwoClients.class)) {
            TwoClients observers = weld.select(TwoClients.class).get();
            Eventually.get(Duration.ofSeconds(10), () -> shardSubscribed("orders"));
            Eventually.get(Duration.ofSeconds(10), () -> lastNumber(ops.command("PUBSUB", "SHARDNUMSUB", "alerts"), 1));
            Eventually.get(Duration.ofSeconds(10), () -> lastNumber(ops.command("PUBSUB", "SHARDNUMSUB", "orders"), 1));

            ops.command("SPUBLISH", "alerts", "disk full");
            ops.command("SPUBLISH", "orders", "on ops");
            REDIS.server().command("SPUBLISH", "alerts", "nobody listens here");
            REDIS.server().command("SPUBLISH", "orders", "on main");

            Eventually.get(Duration.ofSeconds(10), () -> size(observers.alerts(), 2));
            Eventually.get(Duration.ofSeconds(10), () -> size(observers.orders(), 1));
            assertThat(observers.alerts()).as("@NamedRedisClient(\"ops\") observer").containsExactly("alerts=disk full", "orders=on ops");
            assertThat(observers.orders()).as("@Default observer").containsExactly("orders=on main");
        }
    }

    @Test
    void shouldNeverRunAShardChannelObserverAlongsideAChannelObserverOfTheSameClient() throws Exception {
        try (TestConfig config = TestConfig.of("redis.hosts", REDIS.server().uri(), "redis.events.channels", "news",
                "redis.events.shard-channels", "orders");
                WeldContainer weld = Containers.boot(MessageEventsOneAtATimeIT.Observer.class)) {
            // the slow observer of the channels-and-patterns case
            MessageEventsOneAtATimeIT.Observer observer = weld.select(MessageEventsOneAtATimeIT.Observer.class).get();
            Eventually.get(Duration.ofSeconds(10), () -> shardSubscribed("orders"));
            Eventually.get(Duration.ofSeconds(10), () -> lastNumber(REDIS.server().command("PUBSUB", "NUMSUB", "news"), 1));

            REDIS.server().command("SPUBLISH", "orders", "o1");
            REDIS.server().command("PUBLISH", "news", "n1");

            assertThat(observer.awaitBoth()).as("both messages observed").isTrue();
            assertThat(observer.mostAtOnce()).as("observer calls at once").isEqualTo(1);
        }
    }

    @Test
    void shouldFailDeploymentOnAnEmptyShardChannelNameOrAPattern() {
        try (TestConfig config = TestConfig.of("redis.hosts", REDIS.server().uri(), "redis.events.shard-channels", "orders,,alerts.*")) {
            assertThatThrownBy(Containers::boot).hasMessageContaining("Invalid Redis configuration (2 problems):" + System.lineSeparator()
                    + "  1. redis.events.shard-channels = \"orders,,alerts.*\": an empty shard channel name between commas. "
                    + "Fix: name the shard channel or drop the extra comma: redis.events.shard-channels=orders,alerts.*" + System.lineSeparator()
                    + "  2. redis.events.shard-channels = \"orders,,alerts.*\": \"alerts.*\" looks like a pattern, but SSUBSCRIBE takes exact "
                    + "names and Redis has no pattern subscription for shard channels. Fix: name each shard channel, or give the pattern to "
                    + "redis.events.patterns (PSUBSCRIBE: it hears PUBLISH, not SPUBLISH)");
        }
    }

    private static boolean shardSubscribed(String... channels) {
        for (String channel : channels) {
            lastNumber(REDIS.server().command("PUBSUB", "SHARDNUMSUB", channel), 1);
        }
        return true;
    }

    /** Checks the last number of a reply such as PUBSUB SHARDNUMSUB's (channel, count). */
    private static boolean lastNumber(String reply, long expected) {
        String[] lines = reply.split("\n");
        if (Long.parseLong(lines[lines.length - 1].trim()) != expected) {
            throw new IllegalStateException(expected + " expected: " + reply);
        }
        return true;
    }

    private static List<String> size(List<String> list, int expected) {
        if (list.size() < expected) {
            throw new IllegalStateException(list.size() + " of " + expected + ": " + list);
        }
        return list;
    }
}
