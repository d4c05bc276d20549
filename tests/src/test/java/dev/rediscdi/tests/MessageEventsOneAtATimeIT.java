package dev.rediscdi.tests;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Default;

import org.jboss.weld.environment.se.WeldContainer;
import org.junit.jupiter.api.Test;

import dev.rediscdi.RedisMessage;
import dev.rediscdi.testing.RedisServer;

/**
 * The messages of a client's {@code events.channels} and {@code events.patterns} reach observers "one message after
 * the other in the order Redis delivered them": never two at once.
 */
class MessageEventsOneAtATimeIT {

    @ApplicationScoped
    public static class Observer {
        final AtomicInteger inside = new AtomicInteger();
        final AtomicInteger mostAtOnce = new AtomicInteger();
        final CountDownLatch seen = new CountDownLatch(2);

        void onMessage(@Observes @Default RedisMessage message) throws InterruptedException {
            int now = inside.incrementAndGet();
            mostAtOnce.accumulateAndGet(now, Math::max);
            seen.countDown();
            seen.await(1, TimeUnit.SECONDS); // a slow observer: long enough for a second message to overlap, if it may
            inside.decrementAndGet();
        }

        public boolean awaitBoth() throws InterruptedException {
            return seen.await(10, TimeUnit.SECONDS);
        }

        public int mostAtOnce() {
            return mostAtOnce.get();
        }
    }

    @Test
    void shouldNeverRunTwoObserversOfOneClientAtOnce() throws Exception {
        try (RedisServer server = RedisServer.builder().start();
                TestConfig config = TestConfig.of("redis.hosts", server.uri(), "redis.events.channels", "orders",
                        "redis.events.patterns", "alerts.*");
                WeldContainer weld = Containers.boot(Observer.class)) {
            Observer observer = weld.select(Observer.class).get();
            Eventually.get(Duration.ofSeconds(10), () -> {
                if (!server.command("PUBSUB", "NUMPAT").equals("1") || !server.command("PUBSUB", "NUMSUB", "orders").contains("1")) {
                    throw new IllegalStateException("not subscribed yet");
                }
                return true;
            });

            server.command("PUBLISH", "orders", "o1");
            server.command("PUBLISH", "alerts.disk", "full");

            assertThat(observer.awaitBoth()).as("both messages observed").isTrue();
            Thread.sleep(1200);
            assertThat(observer.mostAtOnce()).as("observer calls running at once").isEqualTo(1);
        }
    }
}
