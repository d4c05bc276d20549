package dev.rediscdi.tests;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.TimeUnit;

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
import dev.rediscdi.testing.RedisServer;
import dev.rediscdi.testing.RedisServerExtension;

/** The driver never resubscribes after a reconnection; the client does, on the same subscription. */
@ExtendWith(WeldJunit5Extension.class)
class PubSubRestartIT {

    @RegisterExtension
    static final RedisServerExtension REDIS = new RedisServerExtension(RedisServer.builder());

    @RegisterExtension
    final TestConfig config = TestConfig.of("redis.hosts", REDIS.server().uri(), "redis.reconnect-max-delay", "500ms");

    @WeldSetup
    WeldInitiator weld = Containers.initiator();

    @Inject
    RedisClient redis;


    @Test
    void shouldKeepReceivingOnTheSameSubscriptionAfterRedisRestarts() throws Exception {
        RecordingListener channel = new RecordingListener();
        RecordingListener pattern = new RecordingListener();
        Subscription subscription = redis.subscribe(channel, "news").toCompletableFuture().get(5, TimeUnit.SECONDS);
        redis.psubscribe(pattern, "alerts.*").toCompletableFuture().get(5, TimeUnit.SECONDS);

        REDIS.server().command("PUBLISH", "news", "before");
        REDIS.server().command("PUBLISH", "alerts.disk", "full");
        assertThat(channel.messages.poll(5, TimeUnit.SECONDS).payloadAsString()).isEqualTo("before");
        RedisMessage alert = pattern.messages.poll(5, TimeUnit.SECONDS);
        assertThat(alert.channel()).isEqualTo("alerts.disk");
        assertThat(alert.pattern()).isEqualTo("alerts.*");

        REDIS.server().restart();

        assertThat(channel.lost.await(10, TimeUnit.SECONDS)).as("told of the lost connection").isTrue();
        assertThat(channel.resubscribed.await(15, TimeUnit.SECONDS)).as("told of the resubscription").isTrue();
        assertThat(pattern.resubscribed.await(5, TimeUnit.SECONDS)).isTrue();
        REDIS.server().command("PUBLISH", "news", "after");
        REDIS.server().command("PUBLISH", "alerts.cpu", "hot");
        assertThat(channel.messages.poll(5, TimeUnit.SECONDS).payloadAsString()).isEqualTo("after");
        assertThat(pattern.messages.poll(5, TimeUnit.SECONDS).payloadAsString()).isEqualTo("hot");

        subscription.unsubscribe().toCompletableFuture().get(5, TimeUnit.SECONDS);
        REDIS.server().command("PUBLISH", "news", "unheard");
        assertThat(channel.messages.poll(300, TimeUnit.MILLISECONDS)).isNull();
    }
}
