package dev.rediscdi.tests.typed;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.weld.environment.se.WeldContainer;
import org.junit.jupiter.api.Test;

import dev.rediscdi.BlockingRedisClient;
import dev.rediscdi.RedisDefaultCodec;
import dev.rediscdi.testing.RedisServer;
import dev.rediscdi.testing.SharedRedisServers;
import dev.rediscdi.tests.Containers;
import dev.rediscdi.tests.TestConfig;

/**
 * Two codec beans that both claim the same place are a mistake of the application: it must hear of it, not have its
 * data stored silently in a third format (JSON-B) that none of its codecs reads.
 */
class AmbiguousCodecsIT {
    static final RedisServer SERVER = SharedRedisServers.get("typed-commands", RedisServer::builder);

    @ApplicationScoped
    public static class ProtobufLikeCodec implements RedisDefaultCodec {
        @Override
        public byte[] encode(Object value, Type type) {
            return ("pb:" + value).getBytes(StandardCharsets.UTF_8);
        }

        @Override
        public Object decode(byte[] bytes, Type type) {
            throw new UnsupportedOperationException("not needed here");
        }
    }

    @ApplicationScoped
    public static class JacksonLikeCodec implements RedisDefaultCodec {
        @Override
        public byte[] encode(Object value, Type type) {
            return ("jackson:" + value).getBytes(StandardCharsets.UTF_8);
        }

        @Override
        public Object decode(byte[] bytes, Type type) {
            throw new UnsupportedOperationException("not needed here");
        }
    }

    @Test
    void shouldNotFallBackToJsonbSilentlyWhenTwoDefaultCodecsAreDeclared() throws Exception {
        String key = "ambiguous:" + UUID.randomUUID();
        String stored;
        String failure = null;
        try (TestConfig config = TestConfig.of("redis.hosts", SERVER.uri())) {
            WeldContainer weld;
            try {
                weld = Containers.boot(ProtobufLikeCodec.class, JacksonLikeCodec.class);
            } catch (RuntimeException deploymentError) {
                return; // refused at start-up: correct
            }
            try {
                weld.select(BlockingRedisClient.class).get().value(Customer.class).set(key, new Customer("Ada", 1));
            } catch (RuntimeException e) {
                failure = String.valueOf(e.getMessage());
            } finally {
                weld.shutdown();
            }
            stored = SERVER.command("GET", key);
        }
        if (failure != null) {
            assertThat(failure).as("the error names the codecs").contains("RedisDefaultCodec");
            return;
        }
        assertThat(stored).as("stored with one of the application's codecs, or refused; never JSON-B").matches("(pb|jackson):.*");
    }
}
