package dev.rediscdi.tests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jboss.weld.junit5.WeldInitiator;
import org.jboss.weld.junit5.WeldJunit5Extension;
import org.jboss.weld.junit5.WeldSetup;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

import dev.rediscdi.BlockingRedisClient;
import dev.rediscdi.NamedRedisClient;
import dev.rediscdi.RedisClient;
import dev.rediscdi.RedisOptionsCustomizer;
import dev.rediscdi.RedisReplyException;
import dev.rediscdi.ReplyType;
import dev.rediscdi.testing.RedisServer;
import dev.rediscdi.testing.RedisServerExtension;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.Redis;
import io.vertx.redis.client.RedisAPI;
import io.vertx.redis.client.RedisOptions;
import io.vertx.redis.client.Request;

@ExtendWith(WeldJunit5Extension.class)
class InjectionIT {

    @RegisterExtension
    static final RedisServerExtension REDIS = new RedisServerExtension(RedisServer.builder());

    @RegisterExtension
    final TestConfig config = TestConfig.of(
            "redis.hosts", REDIS.server().uri(),
            "redis.cache.hosts", REDIS.server().uri() + "/1",
            "redis.cache.client-name", "cache-client",
            "redis.legacy.hosts", REDIS.server().uri() + "/2",
            "redis.legacy.protocol", "resp2");

    @WeldSetup
    WeldInitiator weld = Containers.initiator(RecordingCustomizer.class);

    @Inject
    RedisClient redis;
    @Inject
    BlockingRedisClient blocking;
    @Inject
    @NamedRedisClient("cache")
    RedisClient cache;
    @Inject
    @NamedRedisClient("cache")
    BlockingRedisClient cacheBlocking;
    @Inject
    @NamedRedisClient("legacy")
    BlockingRedisClient legacy;
    @Inject
    Redis raw;
    @Inject
    RedisAPI api;
    @Inject
    @NamedRedisClient("cache")
    RedisAPI cacheApi;


    @ApplicationScoped
    static class RecordingCustomizer implements RedisOptionsCustomizer {
        static final Set<String> CUSTOMIZED = ConcurrentHashMap.newKeySet();

        @Override
        public void customize(String clientName, RedisOptions options) {
            CUSTOMIZED.add(clientName);
        }
    }

    @Test
    void shouldInjectTheDefaultClientThatWritesToRedis() throws Exception {
        String key = "key:" + UUID.randomUUID();

        String reply = redis.execute(ReplyType.STRING, "SET", key, "hello").toCompletableFuture().get(5, TimeUnit.SECONDS);

        assertThat(reply).isEqualTo("OK");
        assertThat(REDIS.server().command("GET", key)).isEqualTo("hello");
        assertThat(blocking.execute(ReplyType.STRING, "GET", key)).isEqualTo("hello");
        assertThat(blocking.async()).isSameAs(redis);
    }

    @Test
    void shouldInjectNamedClientsWithTheirOwnSettings() {
        String key = "key:" + UUID.randomUUID();

        cacheBlocking.execute(ReplyType.OK, "SET", key, "in-db-1");

        assertThat(blocking.execute(ReplyType.STRING, "GET", key)).isNull();
        assertThat(cacheBlocking.execute(ReplyType.STRING, "GET", key)).isEqualTo("in-db-1");
        assertThat(cacheBlocking.execute(ReplyType.STRING, "CLIENT", "GETNAME")).isEqualTo("cache-client");
        assertThat(cache.name()).isEqualTo("cache");
        assertThat(redis.name()).isEqualTo(RedisOptionsCustomizer.DEFAULT_CLIENT);
        assertThat(RecordingCustomizer.CUSTOMIZED).contains(RedisOptionsCustomizer.DEFAULT_CLIENT, "cache", "legacy");
    }

    @Test
    void shouldInjectTheRawDriver() throws Exception {
        String key = "key:" + UUID.randomUUID();

        api.set(java.util.List.of(key, "raw")).toCompletionStage().toCompletableFuture().get(5, TimeUnit.SECONDS);

        assertThat(raw.send(Request.cmd(Command.GET).arg(key)).toCompletionStage().toCompletableFuture().get(5, TimeUnit.SECONDS))
                .hasToString("raw");
        assertThat(cacheApi.get(key).toCompletionStage().toCompletableFuture().get(5, TimeUnit.SECONDS)).isNull();
    }

    @Test
    void shouldConvertRepliesOverResp3AndResp2() {
        String key = "hash:" + UUID.randomUUID();
        blocking.send("HSET", key, "a", "1", "b", "2");
        legacy.send("HSET", key, "a", "1", "b", "2");

        assertThat(blocking.execute(ReplyType.STRING_MAP, "HGETALL", key)).isEqualTo(Map.of("a", "1", "b", "2"));
        assertThat(legacy.execute(ReplyType.STRING_MAP, "HGETALL", key)).isEqualTo(Map.of("a", "1", "b", "2"));
        assertThat(blocking.execute(ReplyType.LONG, "HINCRBY", key, "a", 41)).isEqualTo(42L);
        assertThat(blocking.execute(ReplyType.DOUBLE, "HINCRBYFLOAT", key, "b", 0.5)).isEqualTo(2.5);
        assertThat(blocking.execute(ReplyType.BOOLEAN, "HEXISTS", key, "a")).isTrue();
        assertThat(blocking.execute(ReplyType.STRING_LIST, "HMGET", key, "a", "missing")).containsExactly("42", null);
        assertThat(blocking.execute(ReplyType.BYTES, "HGET", key, "a")).isEqualTo("42".getBytes());
        assertThat(blocking.execute(ReplyType.OK, "SET", key + ":nx", "v", "NX")).isTrue();
        assertThat(blocking.execute(ReplyType.OK, "SET", key + ":nx", "v", "NX")).isFalse();
    }

    @Test
    void shouldReportRedisErrorsWithTheirCode() {
        String key = "list:" + UUID.randomUUID();
        blocking.send("LPUSH", key, "x");

        assertThatThrownBy(() -> blocking.send("GET", key))
                .isInstanceOf(RedisReplyException.class)
                .hasMessageContaining("Redis refused GET: WRONGTYPE")
                .satisfies(e -> assertThat(((RedisReplyException) e).code()).isEqualTo("WRONGTYPE"));
    }

    @Test
    void shouldRefuseConnectionStateCommandsWithTheAlternative() {
        assertThatThrownBy(() -> redis.send("SELECT", 2))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("SELECT cannot be sent through RedisClient: it would switch the database of a shared connection: "
                        + "put the database in the URI, redis://host:port/1");
        assertThatThrownBy(() -> redis.send("MULTI")).hasMessageContaining("a transaction needs a connection of its own");
        assertThatThrownBy(() -> redis.send("SUBSCRIBE", "x")).hasMessageContaining("use RedisClient.subscribe(...)");
        assertThatThrownBy(() -> redis.send("GET", (Object) null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("GET: argument 0 is null; Redis has no null argument: leave it out or send an empty string");
        assertThatThrownBy(() -> redis.send("GET", new Object()))
                .hasMessageStartingWith("GET: argument 0 is a java.lang.Object; pass a String, byte[], Buffer, Number or Boolean");
    }

    @Test
    void shouldRunBlockingCommandsOnTheirOwnConnection() throws Exception {
        String queue = "queue:" + UUID.randomUUID();
        CompletableFuture<java.util.List<String>> popped = redis.execute(ReplyType.STRING_LIST, "BLPOP", queue, 5).toCompletableFuture();

        // the pipelined connection stays free while BLPOP waits
        assertThat(blocking.execute(ReplyType.STRING, "PING")).isEqualTo("PONG");
        blocking.send("RPUSH", queue, "job-1");

        assertThat(popped.get(5, TimeUnit.SECONDS)).containsExactly(queue, "job-1");
    }

    @Test
    void shouldRefuseTheBlockingClientOnAnEventLoop() throws Exception {
        io.vertx.core.Vertx application = io.vertx.core.Vertx.vertx();
        java.util.concurrent.CompletableFuture<Throwable> outcome = new java.util.concurrent.CompletableFuture<>();
        try {
            application.runOnContext(onEventLoop -> {
                try {
                    blocking.send("PING");
                    outcome.complete(null);
                } catch (IllegalStateException expected) {
                    outcome.complete(expected);
                }
            });
            outcome.get(5, TimeUnit.SECONDS);
        } finally {
            application.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        }
        Throwable refused = outcome.join();

        assertThat(refused).isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("BlockingRedisClient called on a Vert.x event-loop thread");
    }
}
