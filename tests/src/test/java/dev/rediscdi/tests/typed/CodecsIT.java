package dev.rediscdi.tests.typed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import jakarta.inject.Inject;

import org.jboss.weld.junit5.WeldInitiator;
import org.jboss.weld.junit5.WeldJunit5Extension;
import org.jboss.weld.junit5.WeldSetup;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

import dev.rediscdi.BlockingRedisClient;
import dev.rediscdi.NamedRedisClient;
import dev.rediscdi.testing.RedisServer;
import dev.rediscdi.testing.SharedRedisServers;
import dev.rediscdi.tests.Containers;
import dev.rediscdi.tests.TestConfig;
import io.vertx.core.Vertx;

/** Each client has its own codecs and JSON-B mapper: one client's settings never change another's data. */
@ExtendWith(WeldJunit5Extension.class)
class CodecsIT {
    static final RedisServer SERVER = SharedRedisServers.get("typed-commands", RedisServer::builder);

    @RegisterExtension
    final TestConfig config = TestConfig.of("redis.hosts", SERVER.uri(), "redis.legacy.hosts", SERVER.uri(), "redis.custom.hosts", SERVER.uri());

    @WeldSetup
    WeldInitiator weld = Containers.initiator(CodecBeans.RestMapper.class, CodecBeans.MoneyCodec.class, CodecBeans.LegacyMoneyCodec.class,
            CodecBeans.VersionedJson.class);

    @Inject
    BlockingRedisClient redis;

    @Inject
    @NamedRedisClient("legacy")
    BlockingRedisClient legacy;

    @Inject
    @NamedRedisClient("custom")
    BlockingRedisClient custom;

    final String key = "codecs:" + UUID.randomUUID() + ":";

    @Test
    void shouldUseEachClientsOwnJsonMapperAndNeverTheApplicationsDefaultOne() {
        Customer customer = new Customer("Ada", 42);
        redis.value(Customer.class).set(key + "default", customer);
        legacy.value(Customer.class).set(key + "legacy", customer);

        assertThat(SERVER.command("GET", key + "default")).isEqualTo("{\"firstName\":\"Ada\",\"loyaltyPoints\":42}");
        assertThat(SERVER.command("GET", key + "legacy")).isEqualTo("{\"FirstName\":\"Ada\",\"LoyaltyPoints\":42}");
        assertThat(redis.value(Customer.class).get(key + "default")).isEqualTo(customer);
        assertThat(legacy.value(Customer.class).get(key + "legacy")).isEqualTo(customer);
    }

    @Test
    void shouldPreferTheClientsCodecBeanOverTheSharedOne() {
        redis.value(Money.class).set(key + "m1", new Money(1250));
        legacy.value(Money.class).set(key + "m2", new Money(1250));

        assertThat(SERVER.command("GET", key + "m1")).isEqualTo("cents:1250");
        assertThat(SERVER.command("GET", key + "m2")).isEqualTo("EUR 12.5");
        assertThat(redis.value(Money.class).get(key + "m1")).isEqualTo(new Money(1250));
        assertThat(legacy.value(Money.class).get(key + "m2")).isEqualTo(new Money(1250));
        assertThat(custom.hash(Money.class).hset(key + "h", "price", new Money(7))).isTrue();
        assertThat(SERVER.command("HGET", key + "h", "price")).as("unqualified codec: every client").isEqualTo("cents:7");
    }

    @Test
    void shouldUseTheClientsDefaultCodecForOtherTypes() {
        custom.value(Customer.class).set(key + "c", new Customer("Bo", 1));

        assertThat(SERVER.command("GET", key + "c")).isEqualTo("v1:{\"firstName\":\"Bo\",\"loyaltyPoints\":1}");
        assertThat(custom.value(Customer.class).get(key + "c")).isEqualTo(new Customer("Bo", 1));
        custom.value(String.class).set(key + "s", "plain");
        assertThat(SERVER.command("GET", key + "s")).as("strings keep their built-in codec").isEqualTo("plain");
    }

    @Test
    void shouldRefuseBlockingCallsOnAnEventLoop() throws Exception {
        Vertx vertx = Vertx.vertx();
        try {
            CompletableFuture<Throwable> refused = new CompletableFuture<>();
            vertx.runOnContext(onLoop -> {
                try {
                    redis.value(String.class).get(key + "x");
                    refused.complete(null);
                } catch (RuntimeException e) {
                    refused.complete(e);
                }
            });
            assertThat(refused.get(5, TimeUnit.SECONDS)).isInstanceOf(IllegalStateException.class).hasMessageContaining("event-loop thread");
        } finally {
            vertx.close();
        }
        assertThatThrownBy(() -> redis.value(String.class).set(key + "x", null)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("value is null");
    }
}
