package dev.rediscdi.tests;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import jakarta.inject.Inject;

import org.assertj.core.api.SoftAssertions;
import org.jboss.weld.junit5.WeldInitiator;
import org.jboss.weld.junit5.WeldJunit5Extension;
import org.jboss.weld.junit5.WeldSetup;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

import dev.rediscdi.RedisClient;
import dev.rediscdi.SubscriptionListener;
import dev.rediscdi.testing.RedisServer;
import dev.rediscdi.testing.RedisServerExtension;

/**
 * {@link SubscriptionListener}'s contract: "a listener that blocks delays its own subscription's next messages, and
 * nothing else". Listeners run on Vert.x's worker pool (20 threads by default), which also runs the continuations of
 * every command stage.
 */
@ExtendWith(WeldJunit5Extension.class)
class BlockingListenersIT {
    private static final int BLOCKED_LISTENERS = 20; // Vert.x's default worker pool size

    @RegisterExtension
    static final RedisServerExtension REDIS = new RedisServerExtension(RedisServer.builder());

    @RegisterExtension
    final TestConfig config = TestConfig.of("redis.hosts", REDIS.server().uri());

    @WeldSetup
    WeldInitiator weld = Containers.initiator();

    @Inject
    RedisClient redis;

    @Test
    void shouldDeliverToOtherSubscriptionsWhileSomeListenersBlock() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch blocked = new CountDownLatch(BLOCKED_LISTENERS);
        try {
            for (int i = 0; i < BLOCKED_LISTENERS; i++) {
                redis.subscribe(message -> {
                    blocked.countDown();
                    try {
                        release.await(30, TimeUnit.SECONDS); // a slow consumer: a JDBC call, an HTTP call...
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }, "slow").toCompletableFuture().get(5, TimeUnit.SECONDS);
            }
            BlockingQueue<String> fast = new LinkedBlockingQueue<>();
            redis.subscribe(message -> fast.add(message.payloadAsString()), "fast").toCompletableFuture().get(5, TimeUnit.SECONDS);

            REDIS.server().command("PUBLISH", "slow", "work");
            assertThat(blocked.await(10, TimeUnit.SECONDS)).as("every slow listener got its message").isTrue();
            REDIS.server().command("PUBLISH", "fast", "ping");

            SoftAssertions softly = new SoftAssertions();
            softly.assertThat(fast.poll(5, TimeUnit.SECONDS)).as("another subscription's message, while the slow listeners block").isEqualTo("ping");
            String continued;
            try {
                continued = redis.send("PING").thenApply(pong -> "continued " + pong).toCompletableFuture().get(5, TimeUnit.SECONDS);
            } catch (TimeoutException e) {
                continued = "no continuation within 5 s";
            }
            softly.assertThat(continued).as("a command's continuation, while the slow listeners block").isEqualTo("continued PONG");
            softly.assertAll();
        } finally {
            release.countDown();
        }
    }
}
