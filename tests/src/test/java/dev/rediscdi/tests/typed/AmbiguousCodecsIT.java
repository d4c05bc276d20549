package dev.rediscdi.tests.typed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.weld.environment.se.WeldContainer;
import org.junit.jupiter.api.Test;

import dev.rediscdi.BlockingRedisClient;
import dev.rediscdi.RedisCodec;
import dev.rediscdi.RedisConfigurationException;
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

    @ApplicationScoped
    public static class CustomerAsText implements RedisCodec<Customer> {
        @Override
        public byte[] encode(Customer value) {
            return value.firstName().getBytes(StandardCharsets.UTF_8);
        }

        @Override
        public Customer decode(byte[] bytes) {
            return new Customer(new String(bytes, StandardCharsets.UTF_8), 0);
        }
    }

    @ApplicationScoped
    public static class CustomerAsCsv implements RedisCodec<Customer> {
        @Override
        public byte[] encode(Customer value) {
            return (value.firstName() + "," + value.loyaltyPoints()).getBytes(StandardCharsets.UTF_8);
        }

        @Override
        public Customer decode(byte[] bytes) {
            String[] parts = new String(bytes, StandardCharsets.UTF_8).split(",");
            return new Customer(parts[0], Integer.parseInt(parts[1]));
        }
    }

    @Test
    void shouldRefuseTwoDefaultCodecsNamingBothInsteadOfStoringJsonbSilently() {
        assertRefusedNaming(new Class<?>[] {ProtobufLikeCodec.class, JacksonLikeCodec.class}, "RedisDefaultCodec");
    }

    @Test
    void shouldRefuseTwoCodecsForOneTypeNamingBothInsteadOfPickingOne() {
        assertRefusedNaming(new Class<?>[] {CustomerAsText.class, CustomerAsCsv.class}, Customer.class.getName());
    }

    /** The first use of the client (or the boot) fails naming every competing bean, and nothing is stored. */
    private static void assertRefusedNaming(Class<?>[] beans, String what) {
        String key = "ambiguous:" + UUID.randomUUID();
        Throwable failure;
        try (TestConfig config = TestConfig.of("redis.hosts", SERVER.uri())) {
            failure = catchThrowable(() -> {
                WeldContainer weld = Containers.boot(beans);
                try {
                    weld.select(BlockingRedisClient.class).get().value(Customer.class).set(key, new Customer("Ada", 1));
                } finally {
                    weld.shutdown();
                }
            });
        }
        Throwable cause = failure;
        while (cause != null && !(cause instanceof RedisConfigurationException)) {
            cause = cause.getCause();
        }
        assertThat(cause).as("refused with RedisConfigurationException, got %s", failure).isNotNull();
        assertThat(cause.getMessage()).contains(what, beans[0].getName(), beans[1].getName(), "Fix:");
        assertThat(SERVER.command("EXISTS", key)).as("nothing stored").isEqualTo("0");
    }
}
