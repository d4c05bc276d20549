package dev.rediscdi.tests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import jakarta.enterprise.inject.Produces;

import org.jboss.weld.environment.se.WeldContainer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import dev.rediscdi.RedisClient;
import dev.rediscdi.RedisTimeoutException;
import dev.rediscdi.Subscription;
import dev.rediscdi.testing.RedisServer;
import dev.rediscdi.testing.RedisServerExtension;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;

/**
 * A subscription whose stage failed on its deadline is not left subscribed in Redis: its SUBSCRIBE may still be sent
 * once the connection opens, after the subscription was given up.
 */
class SubscribeTimeoutIT {
    @RegisterExtension
    static final RedisServerExtension REDIS = new RedisServerExtension(RedisServer.builder());

    /** The application's Vert.x, which the client uses: one event loop, so that the test can hold it up. */
    static class OneEventLoop {
        static final Vertx VERTX = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(1).setBlockedThreadCheckInterval(10_000));

        @Produces
        Vertx vertx() {
            return VERTX;
        }
    }

    @AfterAll
    static void closeVertx() throws Exception {
        OneEventLoop.VERTX.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    @Test
    void shouldNotLeaveASubscriptionThatTimedOutBeforeItsConnectionOpenedSubscribedInRedis() throws Exception {
        try (TestConfig config = TestConfig.of("redis.hosts", REDIS.server().uri(), "redis.timeout", "1s");
                WeldContainer weld = Containers.boot(OneEventLoop.class)) {
            RedisClient redis = weld.select(RedisClient.class).get();

            // the event loop is held past the deadline: once free, the deadline is due before the connection opens
            CountDownLatch held = new CountDownLatch(1);
            OneEventLoop.VERTX.getOrCreateContext().runOnContext(ignored -> {
                held.countDown();
                sleep(Duration.ofMillis(1500));
            });
            assertThat(held.await(5, TimeUnit.SECONDS)).as("the event loop is held").isTrue();
            CompletableFuture<Subscription> subscribed = redis.subscribe(new RecordingListener(), "given-up:1").toCompletableFuture();

            assertThatThrownBy(() -> subscribed.get(10, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class)
                    .cause().isInstanceOf(RedisTimeoutException.class);
            // a later subscription on the same connection: whatever was sent for the first one was sent before it
            redis.subscribe(new RecordingListener(), "barrier").toCompletableFuture().get(5, TimeUnit.SECONDS);
            Eventually.get(Duration.ofSeconds(5), () -> {
                String channels = REDIS.server().command("PUBSUB", "CHANNELS", "given-up:*").strip();
                if (!channels.isEmpty()) {
                    throw new IllegalStateException("still subscribed in Redis: " + channels);
                }
                return null;
            });

            RecordingListener later = new RecordingListener();
            redis.subscribe(later, "given-up:1").toCompletableFuture().get(5, TimeUnit.SECONDS);
            REDIS.server().command("PUBLISH", "given-up:1", "hello");
            assertThat(later.messages.poll(5, TimeUnit.SECONDS)).as("a later subscription to the same channel").isNotNull()
                    .extracting(message -> message.payloadAsString()).isEqualTo("hello");
        }
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
