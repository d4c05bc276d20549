package dev.rediscdi.sample.quarkus.clients;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.TimeUnit;

import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.spi.CDI;
import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import dev.rediscdi.BlockingRedisClient;
import dev.rediscdi.NamedRedisClient;
import dev.rediscdi.RedisClient;
import dev.rediscdi.ReplyType;
import dev.rediscdi.sample.quarkus.RedisServerResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.Redis;
import io.vertx.redis.client.RedisAPI;
import io.vertx.redis.client.Request;

/**
 * Clients looked up rather than injected, on Quarkus: ArC removes beans that no injection point asks for, and a client
 * declared in configuration only ({@code %test.redis.lookup-only.hosts}) must still be found by a programmatic lookup,
 * each of its four views, as the views of a client injected elsewhere ({@code cache}) that the application looks up too.
 */
@QuarkusTest
@WithTestResource(RedisServerResource.class)
class NamedClientLookupTest {

    private static final NamedRedisClient LOOKUP_ONLY = NamedRedisClient.Literal.of("lookup-only");

    @Inject
    @Any
    Instance<RedisClient> clients;

    @Test
    void shouldFindEveryViewOfAClientNoBeanInjects() throws Exception {
        CDI<Object> container = CDI.current();
        String key = "lookup-" + System.nanoTime();

        BlockingRedisClient blocking = container.select(BlockingRedisClient.class, LOOKUP_ONLY).get();
        blocking.send("SET", key, "written through the blocking view");
        RedisClient async = container.select(RedisClient.class, LOOKUP_ONLY).get();
        assertThat(async.execute(ReplyType.STRING, "GET", key).toCompletableFuture().get(10, TimeUnit.SECONDS))
                .isEqualTo("written through the blocking view");
        Redis raw = container.select(Redis.class, LOOKUP_ONLY).get();
        assertThat(raw.send(Request.cmd(Command.GET).arg(key)).toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS).toString())
                .isEqualTo("written through the blocking view");
        RedisAPI api = container.select(RedisAPI.class, LOOKUP_ONLY).get();
        assertThat(api.exists(List.of(key)).toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS).toInteger())
                .isEqualTo(1);
        assertThat(blocking.execute(ReplyType.LONG, "DEL", key)).as("database 2 of the server, as configured").isEqualTo(1L);
    }

    @Test
    void shouldFindTheViewsOfAClientOthersInjectByLookup() {
        NamedRedisClient cache = NamedRedisClient.Literal.of("cache");
        assertThat(CDI.current().select(BlockingRedisClient.class, cache).get().execute(ReplyType.STRING, "PING")).isEqualTo("PONG");
        assertThat(CDI.current().select(RedisAPI.class, cache).isResolvable()).isTrue();
        assertThat(CDI.current().select(Redis.class, cache).isResolvable()).isTrue();
    }

    @Test
    void shouldGiveTheSameClientToAnInstanceLookupAndAnotherLookup() throws Exception {
        RedisClient fromInstance = clients.select(LOOKUP_ONLY).get();
        assertThat(fromInstance.execute(ReplyType.STRING, "PING").toCompletableFuture().get(10, TimeUnit.SECONDS)).isEqualTo("PONG");
        assertThat(fromInstance).isSameAs(CDI.current().select(RedisClient.class, LOOKUP_ONLY).get());
    }
}
