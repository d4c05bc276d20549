package dev.rediscdi.tests.readme;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;

import jakarta.inject.Inject;

import org.jboss.weld.junit5.WeldInitiator;
import org.jboss.weld.junit5.WeldJunit5Extension;
import org.jboss.weld.junit5.WeldSetup;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import dev.rediscdi.BlockingRedisClient;
import dev.rediscdi.CommandResults;
import dev.rediscdi.NamedRedisClient;
import dev.rediscdi.RedisClient;
import dev.rediscdi.ScoredValue;
import dev.rediscdi.StreamMessage;
import dev.rediscdi.testing.RedisServer;
import dev.rediscdi.testing.RedisServerExtension;
import dev.rediscdi.tests.Containers;
import dev.rediscdi.tests.TestConfig;

/** The samples of the README's "Typed commands" section are these classes, shown verbatim, and they run here. */
@ExtendWith(WeldJunit5Extension.class)
class TypedCommandsReadmeIT {
    private static final Path README = Path.of("..", "README.md");

    @RegisterExtension
    static final RedisServerExtension REDIS = new RedisServerExtension(RedisServer.builder());

    @RegisterExtension
    final TestConfig config = TestConfig.of("redis.hosts", REDIS.server().uri(), "redis.cache.hosts", REDIS.server().uri() + "/1");

    @WeldSetup
    WeldInitiator weld = Containers.initiator(Shop.class, Inventory.class, OrderQueue.class, RedisMappers.class, SkuCodec.class);

    @Inject
    Shop shop;

    @Inject
    Inventory inventory;

    @Inject
    OrderQueue queue;

    @Inject
    RedisClient redis;

    @Inject
    @NamedRedisClient("cache")
    BlockingRedisClient cache;

    @ParameterizedTest
    @ValueSource(strings = { "Shop", "Inventory", "OrderQueue", "RedisMappers", "SkuCodec", "Order", "Item", "Sku" })
    void shouldShowTheSampleVerbatim(String sample) throws IOException {
        String source = Files.readString(Path.of("src/test/java/dev/rediscdi/tests/readme/" + sample + ".java"));
        int start = source.indexOf("@ApplicationScoped");
        String body = source.substring(start >= 0 ? start : source.indexOf("public record")).strip();

        assertThat(Files.readString(README)).contains(body);
    }

    @Test
    void shouldRunTheShop() throws Exception {
        Order order = new Order("42", new BigDecimal("99.90"));
        await(shop.save(order));
        assertThat(await(shop.find("42"))).isEqualTo(order);
        assertThat(await(shop.find("nope"))).isNull();
        assertThat(await(shop.hold("sku-1", "alice"))).isTrue();
        assertThat(await(shop.hold("sku-1", "bob"))).isFalse();
        await(shop.score("alice", 10));
        await(shop.score("bob", 30));
        await(shop.score("alice", 25));
        assertThat(await(shop.top(1))).containsExactly(new ScoredValue<>("alice", 35.0));
        assertThat(await(shop.addToCart("alice", "now", List.of(new Item("sku-1", 2))))).isTrue();
        assertThat(await(shop.cart("alice"))).isEqualTo(Map.of("now", List.of(new Item("sku-1", 2))));
        assertThat(await(shop.forget("hold:"))).isEqualTo(1L);
        assertThat(REDIS.server().command("EXISTS", "hold:sku-1")).isEqualTo("0");
    }

    @Test
    void shouldRunTheInventory() throws Exception {
        REDIS.server().command("SET", "stock:book", "1");
        assertThat(await(inventory.take("book"))).isTrue();
        assertThat(await(inventory.take("book"))).as("none left").isFalse();
        assertThat(REDIS.server().command("LRANGE", "sold", "0", "-1")).contains("book");

        REDIS.server().command("SET", "visits", "7");
        REDIS.server().command("SET", "stats", "not a hash");
        CommandResults dashboard = await(inventory.dashboard());
        assertThat(dashboard.<Long>get(0)).isEqualTo(7L);
        assertThat(dashboard.failed(2)).isTrue();

        REDIS.server().command("SET", "lock:a", "me");
        assertThat(await(inventory.release("lock:a", "you"))).isFalse();
        assertThat(await(inventory.release("lock:a", "me"))).isTrue();
    }

    @Test
    void shouldRunTheOrderQueue() {
        queue.createGroup();
        queue.createGroup();
        String id = queue.submit(new Order("7", BigDecimal.TEN));
        List<StreamMessage<String, Order>> work = queue.next("w1");
        assertThat(work).extracting(StreamMessage::id).containsExactly(id);
        assertThat(queue.rescue("w2")).as("not idle for a minute yet").isEmpty();
        queue.shipped(work.get(0));
        assertThat(REDIS.server().command("XPENDING", "orders", "shipping")).startsWith("0");
    }

    @Test
    void shouldUseTheCacheMapperAndTheCodecBean() throws Exception {
        cache.value(Order.class).set("o", new Order("1", null));
        await(redis.value(Order.class).set("o", new Order("1", null)));
        assertThat(REDIS.server().command("GET", "o")).isEqualTo("{\"id\":\"1\"}");
        assertThat(cache.value(String.class).get("o")).isEqualTo("{\"id\":\"1\",\"total\":null}");

        await(redis.value(Sku.class).set("sku", new Sku("AB-12")));
        assertThat(REDIS.server().command("GET", "sku")).isEqualTo("AB-12");
        assertThat(cache.set(Sku.class).sadd("skus", new Sku("CD-34"))).isEqualTo(1L);
        assertThat(cache.set(Sku.class).smembers("skus")).containsExactly(new Sku("CD-34"));
    }

    private static <T> T await(CompletionStage<T> stage) throws Exception {
        return stage.toCompletableFuture().get(10, TimeUnit.SECONDS);
    }
}
