package dev.rediscdi.sample.quarkus;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.TimeUnit;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.annotation.JsonProperty;

import dev.rediscdi.RedisClient;
import dev.rediscdi.sample.quarkus.RedisServerResource.InjectRedisServer;
import dev.rediscdi.testing.RedisServer;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The library finds the application's {@code RedisDefaultCodec} bean through ArC: objects are written with the
 * application's Jackson ({@link JsonProperty} renames a field, which JSON-B would ignore) and read back with it.
 */
@QuarkusTest
@WithTestResource(RedisServerResource.class)
class DefaultCodecBeanTest {

    record Badge(@JsonProperty("who") String owner, int level) {
    }

    @Inject
    RedisClient redis;

    @InjectRedisServer
    RedisServer server;

    @Test
    void objectsAreWrittenAndReadWithTheApplicationsJackson() throws Exception {
        String key = "badge:" + System.nanoTime();
        redis.value(Badge.class).set(key, new Badge("ada", 3)).toCompletableFuture().get(5, TimeUnit.SECONDS);

        assertThat(server.command("GET", key)).contains("\"who\":\"ada\"").doesNotContain("owner");
        assertThat(redis.value(Badge.class).get(key).toCompletableFuture().get(5, TimeUnit.SECONDS)).isEqualTo(new Badge("ada", 3));
    }
}
