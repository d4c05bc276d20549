package dev.rediscdi.sample.quarkus.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import dev.rediscdi.RedisClient;
import dev.rediscdi.ReplyType;
import dev.rediscdi.sample.quarkus.RedisServerResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * {@code redis.cache.events.channels} given at run time only (by {@link RedisServerResource}, as an environment
 * variable {@code REDIS_CACHE_EVENTS_CHANNELS} would be in production): the build decided which clients exist, but the
 * values, these channels included, are the running application's, so their messages reach the observers.
 */
@QuarkusTest
@WithTestResource(RedisServerResource.class)
class RuntimeEventChannelsTest {

    private static final Duration PATIENCE = Duration.ofSeconds(10);

    @Inject
    RedisClient redis;

    @Inject
    CacheInvalidations invalidations;

    @Test
    void shouldFireTheMessagesOfChannelsConfiguredAtRunTime() throws Exception {
        String channel = RedisServerResource.RUNTIME_EVENT_CHANNEL;
        assertThat(await(() -> subscribers(channel) > 0)).as("the cache client subscribed to %s at start-up", channel).isTrue();

        String payload = "product-" + System.nanoTime();
        redis.send("PUBLISH", channel, payload).toCompletableFuture().get(10, TimeUnit.SECONDS);

        assertThat(await(() -> invalidations.received().contains(channel + "=" + payload)))
                .as("observed: %s", invalidations.received()).isTrue();
    }

    private long subscribers(String channel) {
        try {
            List<String> reply = redis.execute(ReplyType.STRING_LIST, "PUBSUB", "NUMSUB", channel).toCompletableFuture().get(10, TimeUnit.SECONDS);
            return Long.parseLong(reply.get(1));
        } catch (Exception e) {
            throw new AssertionError("PUBSUB NUMSUB " + channel + " failed", e);
        }
    }

    /** Whether the condition held within {@link #PATIENCE}, checked every 50 ms. */
    private static boolean await(Supplier<Boolean> condition) throws InterruptedException {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (System.nanoTime() < deadline) {
            if (condition.get()) {
                return true;
            }
            Thread.sleep(50);
        }
        return condition.get();
    }
}
