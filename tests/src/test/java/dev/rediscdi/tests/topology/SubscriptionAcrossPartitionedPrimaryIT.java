package dev.rediscdi.tests.topology;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.jboss.weld.environment.se.WeldContainer;
import org.junit.jupiter.api.Test;

import dev.rediscdi.RedisClient;
import dev.rediscdi.testing.RedisSentinelGroup;
import dev.rediscdi.testing.RedisServer;
import dev.rediscdi.tests.Containers;
import dev.rediscdi.tests.TestConfig;

/**
 * A failover because the primary stopped answering without closing its connections (a network partition, a
 * stalled host; here SIGSTOP): the Sentinels promote the replica, and the subscription must follow the new primary,
 * as it does when the old one dies.
 */
class SubscriptionAcrossPartitionedPrimaryIT {

    @Test
    void shouldReceiveWhatTheNewPrimaryPublishesWhileTheOldOneIsUnreachable() throws Exception {
        try (RedisSentinelGroup group = RedisSentinelGroup.builder().replicas(1).start();
                TestConfig config = TestConfig.of("redis.hosts", String.join(",", group.sentinelUris()), "redis.client-type", "sentinel",
                        "redis.master-name", group.masterName(), "redis.reconnect-max-delay", "500ms", "redis.timeout", "1s")) {
            WeldContainer container = Containers.boot();
            RedisServer old = group.primary();
            try {
                RedisClient redis = container.select(RedisClient.class).get();
                BlockingQueue<String> received = new LinkedBlockingQueue<>();
                redis.subscribe(message -> received.add(message.payloadAsString()), "events").toCompletableFuture().get(5, TimeUnit.SECONDS);
                old.command("PUBLISH", "events", "before");
                assertThat(received.poll(5, TimeUnit.SECONDS)).isEqualTo("before");

                old.freeze();
                int oldPort = old.port();
                long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
                while (group.currentPrimaryPort() == oldPort && System.nanoTime() < deadline) {
                    Thread.sleep(200);
                }
                RedisServer promoted = group.primary();
                assertThat(promoted.port()).as("the Sentinels promoted the replica").isNotEqualTo(oldPort);

                String heard = null;
                long listenUntil = System.nanoTime() + Duration.ofSeconds(15).toNanos();
                for (int i = 0; i < 150 && heard == null && System.nanoTime() < listenUntil; i++) {
                    promoted.command("PUBLISH", "events", "after-" + i);
                    heard = received.poll(100, TimeUnit.MILLISECONDS);
                }
                assertThat(heard).as("a message published on the new primary within 15 s of the failover, the old one still unreachable")
                        .startsWith("after-");
            } finally {
                old.unfreeze();
                container.shutdown();
            }
        }
    }
}
