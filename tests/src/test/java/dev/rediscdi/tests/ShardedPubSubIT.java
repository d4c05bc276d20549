package dev.rediscdi.tests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import org.jboss.weld.environment.se.WeldContainer;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import dev.rediscdi.RedisClient;
import dev.rediscdi.RedisConnectionException;
import dev.rediscdi.RedisMessage;
import dev.rediscdi.ReplyType;
import dev.rediscdi.Subscription;
import dev.rediscdi.testing.RedisServer;
import dev.rediscdi.testing.RedisServerExtension;

/**
 * Shard channels ({@code SSUBSCRIBE}, Redis 7) on one node, on the same subscription connection as channels, over RESP3
 * (push frames) and RESP2 (plain arrays, the connection already in subscribed mode when SSUBSCRIBE comes).
 */
class ShardedPubSubIT {

    @RegisterExtension
    static final RedisServerExtension REDIS = new RedisServerExtension(RedisServer.builder());

    @ParameterizedTest
    @ValueSource(strings = {"resp3", "resp2"})
    void shouldDeliverShardMessagesAlongsideChannelsUntilUnsubscribed(String protocol) throws Exception {
        try (TestConfig config = TestConfig.of("redis.hosts", REDIS.server().uri(), "redis.protocol", protocol)) {
            WeldContainer container = Containers.boot();
            try {
                RedisClient redis = container.select(RedisClient.class).get();
                RecordingListener channel = new RecordingListener();
                RecordingListener shard = new RecordingListener();
                redis.subscribe(channel, "news").toCompletableFuture().get(5, TimeUnit.SECONDS);
                Subscription subscription = redis.ssubscribe(shard, "orders", "{eu}.orders").toCompletableFuture().get(5, TimeUnit.SECONDS);
                assertThat(subscription.sharded()).isTrue();
                assertThat(subscription.patterns()).isFalse();
                assertThat(subscription.topics()).containsExactly("orders", "{eu}.orders");

                assertThat(redis.execute(ReplyType.LONG, "SPUBLISH", "orders", "o1").toCompletableFuture().get(5, TimeUnit.SECONDS))
                        .as("receivers of SPUBLISH orders").isEqualTo(1L);
                redis.send("SPUBLISH", "{eu}.orders", "o2").toCompletableFuture().get(5, TimeUnit.SECONDS);
                assertThat(redis.execute(ReplyType.LONG, "PUBLISH", "orders", "a channel, not the shard channel")
                        .toCompletableFuture().get(5, TimeUnit.SECONDS)).as("receivers of PUBLISH orders").isZero();
                redis.send("PUBLISH", "news", "n1").toCompletableFuture().get(5, TimeUnit.SECONDS);

                RedisMessage first = shard.messages.poll(5, TimeUnit.SECONDS);
                assertThat(first.channel()).isEqualTo("orders");
                assertThat(first.pattern()).isNull();
                assertThat(first.payloadAsString()).isEqualTo("o1");
                assertThat(first.sharded()).as("a shard channel's message says so").isTrue();
                assertThat(shard.messages.poll(5, TimeUnit.SECONDS)).extracting(RedisMessage::channel, RedisMessage::payloadAsString)
                        .containsExactly("{eu}.orders", "o2");
                assertThat(channel.messages.poll(5, TimeUnit.SECONDS)).extracting(RedisMessage::payloadAsString, RedisMessage::sharded)
                        .as("a channel's message, not sharded").containsExactly("n1", false);
                assertThat(shard.messages.poll(200, TimeUnit.MILLISECONDS)).as("a message to the channel orders").isNull();

                subscription.unsubscribe().toCompletableFuture().get(5, TimeUnit.SECONDS);
                Eventually.get(java.time.Duration.ofSeconds(5), () -> noShardSubscriber("orders"));
                assertThat(redis.execute(ReplyType.LONG, "SPUBLISH", "orders", "unheard").toCompletableFuture().get(5, TimeUnit.SECONDS))
                        .isZero();
                redis.send("PUBLISH", "news", "n2").toCompletableFuture().get(5, TimeUnit.SECONDS);
                assertThat(channel.messages.poll(5, TimeUnit.SECONDS)).as("the channel, still subscribed")
                        .extracting(RedisMessage::payloadAsString).isEqualTo("n2");
                assertThat(shard.messages.poll(200, TimeUnit.MILLISECONDS)).isNull();
            } finally {
                container.shutdown();
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"resp3", "resp2"})
    void shouldKeepReceivingShardMessagesAfterRedisRestarts(String protocol) throws Exception {
        try (TestConfig config = TestConfig.of("redis.hosts", REDIS.server().uri(), "redis.protocol", protocol,
                "redis.reconnect-max-delay", "500ms")) {
            WeldContainer container = Containers.boot();
            try {
                RedisClient redis = container.select(RedisClient.class).get();
                RecordingListener shard = new RecordingListener();
                RecordingListener channel = new RecordingListener();
                redis.ssubscribe(shard, "payments").toCompletableFuture().get(5, TimeUnit.SECONDS);
                redis.subscribe(channel, "news").toCompletableFuture().get(5, TimeUnit.SECONDS);
                REDIS.server().command("SPUBLISH", "payments", "before");
                assertThat(shard.messages.poll(5, TimeUnit.SECONDS)).extracting(RedisMessage::payloadAsString).isEqualTo("before");

                REDIS.server().restart();

                assertThat(shard.lost.await(10, TimeUnit.SECONDS)).as("told of the lost connection").isTrue();
                assertThat(shard.resubscribed.await(15, TimeUnit.SECONDS)).as("told of the resubscription").isTrue();
                assertThat(channel.resubscribed.await(5, TimeUnit.SECONDS)).isTrue();
                REDIS.server().command("SPUBLISH", "payments", "after");
                REDIS.server().command("PUBLISH", "news", "after");
                assertThat(shard.messages.poll(5, TimeUnit.SECONDS)).extracting(RedisMessage::payloadAsString).isEqualTo("after");
                assertThat(channel.messages.poll(5, TimeUnit.SECONDS)).extracting(RedisMessage::payloadAsString).isEqualTo("after");
                assertThat(List.of(REDIS.server().command("PUBSUB", "SHARDNUMSUB", "payments").split("\n")))
                        .as("subscribers of payments after the restart").last().isEqualTo("1");
            } finally {
                container.shutdown();
            }
        }
    }

    @org.junit.jupiter.api.Test
    void shouldFailAndForgetAShardSubscriptionRedisCannotConfirm() throws Exception {
        try (TestConfig config = TestConfig.of("redis.hosts", REDIS.server().uri(), "redis.reconnect-max-delay", "500ms")) {
            WeldContainer container = Containers.boot();
            try {
                RedisClient redis = container.select(RedisClient.class).get();
                REDIS.server().stop();
                RecordingListener failed = new RecordingListener();
                assertThatThrownBy(() -> redis.ssubscribe(failed, "refunds").toCompletableFuture().get(15, TimeUnit.SECONDS))
                        .as("a shard subscription while Redis is down").isInstanceOf(ExecutionException.class)
                        .hasCauseInstanceOf(RedisConnectionException.class);
                REDIS.server().restart();

                RecordingListener later = new RecordingListener();
                redis.ssubscribe(later, "refunds").toCompletableFuture().get(5, TimeUnit.SECONDS);
                assertThat(REDIS.server().command("PUBSUB", "SHARDNUMSUB", "refunds")).as("Redis holds the new subscription only")
                        .endsWith("1");
                REDIS.server().command("SPUBLISH", "refunds", "r1");
                assertThat(later.messages.poll(5, TimeUnit.SECONDS)).extracting(RedisMessage::payloadAsString).isEqualTo("r1");
                assertThat(failed.messages.poll(200, TimeUnit.MILLISECONDS)).as("a message to the failed subscription").isNull();
                assertThat(failed.resubscribed.getCount()).as("the failed subscription is not made later").isEqualTo(1);
            } finally {
                container.shutdown();
            }
        }
    }

    private static boolean noShardSubscriber(String channel) {
        String[] reply = REDIS.server().command("PUBSUB", "SHARDNUMSUB", channel).split("\n");
        if (!"0".equals(reply[reply.length - 1].trim())) {
            throw new IllegalStateException("still subscribed: " + String.join(" ", reply));
        }
        return true;
    }
}
