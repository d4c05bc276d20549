package dev.rediscdi.tests.topology;

import static dev.rediscdi.tests.topology.ShardedPubSubOnClusterIT.channelServedBy;
import static dev.rediscdi.tests.topology.ShardedPubSubOnClusterIT.expect;
import static dev.rediscdi.tests.topology.ShardedPubSubOnClusterIT.shardSubscribers;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Default;

import org.jboss.weld.environment.se.WeldContainer;
import org.junit.jupiter.api.Test;

import dev.rediscdi.RedisMessage;
import dev.rediscdi.SubscriptionChange;
import dev.rediscdi.testing.RedisCluster;
import dev.rediscdi.testing.RedisServer;
import dev.rediscdi.tests.Containers;
import dev.rediscdi.tests.Eventually;
import dev.rediscdi.tests.TestConfig;

/**
 * {@code events.shard-channels} on a cluster: each shard channel subscribed on the primary serving its slot, its
 * messages fired as CDI events whichever shard carries them, following its slot when it moves, and subscribed once the
 * cluster answers when no node did at start-up.
 */
class ShardChannelEventsOnClusterIT {

    /** Every event of the default client, in the order observed. */
    @ApplicationScoped
    public static class Timeline {
        private final List<String> events = new CopyOnWriteArrayList<>();

        void onMessage(@Observes @Default RedisMessage message) {
            events.add(message.channel() + "=" + message.payloadAsString());
        }

        void onChange(@Observes @Default SubscriptionChange change) {
            events.add(change.status() + (change.sharded() ? " shard channels " : " channels ") + change.topics());
        }

        public List<String> events() {
            return events;
        }
    }

    @Test
    void shouldFireTheMessagesOfShardChannelsOnEveryPrimaryAndFollowASlotThatMoves() throws Exception {
        RedisCluster cluster = SharedTopologies.cluster();
        List<RedisServer> primaries = cluster.primaries();
        List<String> channels = new ArrayList<>();
        for (RedisServer primary : primaries) {
            channels.add(channelServedBy(cluster, primary, "events"));
        }
        try (TestConfig config = SharedTopologies.clusterClient(cluster, "redis.events.shard-channels", String.join(",", channels),
                "redis.reconnect-max-delay", "500ms");
                WeldContainer weld = Containers.boot(Timeline.class)) {
            Timeline timeline = weld.select(Timeline.class).get();
            for (int i = 0; i < primaries.size(); i++) {
                RedisServer primary = primaries.get(i);
                String channel = channels.get(i);
                Eventually.get(Duration.ofSeconds(10), () -> expect(shardSubscribers(primary, channel), 1));
            }

            for (int i = 0; i < primaries.size(); i++) {
                assertThat(primaries.get(i).command("SPUBLISH", channels.get(i), "from " + primaries.get(i).port()))
                        .as("receivers of SPUBLISH %s on its primary", channels.get(i)).isEqualTo("1");
            }
            Eventually.get(Duration.ofSeconds(10), () -> expect(timeline.events().size(), primaries.size()));
            List<String> expected = new ArrayList<>();
            for (int i = 0; i < primaries.size(); i++) {
                expected.add(channels.get(i) + "=from " + primaries.get(i).port());
            }
            assertThat(timeline.events()).as("events from every primary").containsExactlyInAnyOrderElementsOf(expected);

            String moving = channels.get(0);
            RedisServer source = primaries.get(0);
            RedisServer target = primaries.get(1);
            cluster.migrateSlot(RedisCluster.keySlot(moving), target);
            Eventually.get(Duration.ofSeconds(10), () -> expect(shardSubscribers(target, moving), 1));
            assertThat(shardSubscribers(source, moving)).as("subscribers of %s on its old primary", moving).isZero();
            Eventually.get(Duration.ofSeconds(10), () -> expect(timeline.events().size(), primaries.size() + 2));
            assertThat(target.command("SPUBLISH", moving, "after the move")).as("receivers on the new owner").isEqualTo("1");
            Eventually.get(Duration.ofSeconds(10), () -> expect(timeline.events().size(), primaries.size() + 3));

            assertThat(timeline.events().subList(primaries.size(), timeline.events().size())).as("the move, told once, then its messages")
                    .containsExactly("LOST shard channels " + channels, "RESUBSCRIBED shard channels " + channels, moving + "=after the move");
        }
    }

    /** No node answers at start-up: the shard channels are subscribed on their primaries once the cluster is back. */
    @Test
    void shouldSubscribeOnTheirPrimariesOnceTheClusterAnswersAfterTheApplicationStarted() throws Exception {
        try (RedisCluster cluster = RedisCluster.builder().replicasPerPrimary(0).start()) {
            List<RedisServer> primaries = cluster.primaries();
            List<String> channels = List.of(channelServedBy(cluster, primaries.get(0), "late"), channelServedBy(cluster, primaries.get(1), "late"));
            try (TestConfig config = TestConfig.of("redis.hosts", String.join(",", cluster.uris()), "redis.client-type", "cluster",
                    "redis.events.shard-channels", String.join(",", channels), "redis.reconnect-max-delay", "500ms", "redis.timeout", "2s")) {
                cluster.nodes().forEach(RedisServer::stop);
                try (WeldContainer weld = Containers.boot(Timeline.class)) {
                    Timeline timeline = weld.select(Timeline.class).get();
                    Eventually.get(Duration.ofSeconds(10), () -> expect(timeline.events().size(), 1));
                    cluster.restartStoppedNodes();

                    for (int i = 0; i < channels.size(); i++) {
                        RedisServer primary = primaries.get(i);
                        String channel = channels.get(i);
                        Eventually.get(Duration.ofSeconds(15), () -> expect(shardSubscribers(primary, channel), 1));
                    }
                    for (int i = 0; i < channels.size(); i++) {
                        primaries.get(i).command("SPUBLISH", channels.get(i), "after start");
                    }
                    Eventually.get(Duration.ofSeconds(10), () -> expect(timeline.events().size(), 4));
                    assertThat(timeline.events().subList(0, 2)).as("the gap from start-up, told once for both channels")
                            .containsExactly("LOST shard channels " + channels, "RESUBSCRIBED shard channels " + channels);
                    assertThat(timeline.events().subList(2, 4)).containsExactlyInAnyOrder(channels.get(0) + "=after start",
                            channels.get(1) + "=after start");
                }
            }
        }
    }
}
