package dev.rediscdi.tests.threads;

import static dev.rediscdi.tests.threads.CallerThread.assertLeavesNoNettyState;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import org.jboss.weld.environment.se.WeldContainer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import dev.rediscdi.RedisClient;
import dev.rediscdi.testing.RedisServer;
import dev.rediscdi.testing.RedisServerExtension;
import dev.rediscdi.tests.Containers;
import dev.rediscdi.tests.TestConfig;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.Redis;
import io.vertx.redis.client.RedisAPI;
import io.vertx.redis.client.Request;

/**
 * No call of the library leaves Netty's per-thread state on the caller's thread (see {@link CallerThread}): the
 * calls that open a connection of their own, and the driver's {@code Redis} and {@code RedisAPI} beans.
 */
class CallerThreadStateIT {

    @RegisterExtension
    static final RedisServerExtension REDIS = new RedisServerExtension(RedisServer.builder());

    @RegisterExtension
    final TestConfig config = TestConfig.of("redis.hosts", REDIS.server().uri());

    @Test
    void shouldLeaveNoNettyStateAfterATransaction() throws Exception {
        assertLeavesNoNettyState("a transaction", container -> () -> redis(container).transaction(tx -> tx.value(String.class).set(key(), "v")));
    }

    @Test
    void shouldLeaveNoNettyStateAfterWithConnection() throws Exception {
        assertLeavesNoNettyState("withConnection", container -> () -> redis(container).withConnection(connection -> connection.send("PING")));
    }

    @Test
    void shouldLeaveNoNettyStateAfterABlockingPop() throws Exception {
        assertLeavesNoNettyState("a blocking pop (BLPOP)",
                container -> () -> redis(container).list(String.class).blpop(Duration.ofMillis(100), key()));
    }

    @Test
    void shouldLeaveNoNettyStateAfterABatch() throws Exception {
        assertLeavesNoNettyState("a batch", container -> () -> redis(container).batch(List.of(Request.cmd(Command.SET).arg(key()).arg("v"),
                Request.cmd(Command.PING))));
    }

    @Test
    void shouldLeaveNoNettyStateAfterASendOfTheInjectedDriver() throws Exception {
        assertLeavesNoNettyState("send(..) of the injected io.vertx.redis.client.Redis", container -> {
            Redis driver = container.select(Redis.class).get();
            return () -> driver.send(Request.cmd(Command.SET).arg(key()).arg("v")).toCompletionStage();
        });
    }

    @Test
    void shouldLeaveNoNettyStateAfterABatchOfTheInjectedDriver() throws Exception {
        assertLeavesNoNettyState("batch(..) of the injected io.vertx.redis.client.Redis", container -> {
            Redis driver = container.select(Redis.class).get();
            return () -> driver.batch(List.of(Request.cmd(Command.PING), Request.cmd(Command.PING))).toCompletionStage();
        });
    }

    @Test
    void shouldLeaveNoNettyStateAfterAConnectionOfTheInjectedDriver() throws Exception {
        assertLeavesNoNettyState("connect() of the injected io.vertx.redis.client.Redis, a PING on its connection and close()", container -> {
            Redis driver = container.select(Redis.class).get();
            return () -> driver.connect().compose(connection -> connection.send(Request.cmd(Command.PING))
                    .compose(pong -> connection.close())).toCompletionStage();
        });
    }

    @Test
    void shouldLeaveNoNettyStateAfterACommandOfTheInjectedRedisApi() throws Exception {
        assertLeavesNoNettyState("set(..) of the injected RedisAPI", container -> {
            RedisAPI api = container.select(RedisAPI.class).get();
            return () -> api.set(List.of(key(), "v")).toCompletionStage();
        });
    }

    /** The container stopped the Vert.x instance it started for the client: a call after that fails at once, and says why. */
    @Test
    void shouldFailACallOfTheInjectedDriverAtOnceAfterItsVertxStopped() throws Exception {
        Redis driver;
        RedisAPI api;
        try (WeldContainer container = Containers.boot()) {
            driver = container.select(Redis.class).get();
            api = container.select(RedisAPI.class).get();
            driver.send(Request.cmd(Command.PING)).toCompletionStage().toCompletableFuture().get(5, TimeUnit.SECONDS);
        }

        assertThat(failure(driver.send(Request.cmd(Command.PING)).toCompletionStage().toCompletableFuture()))
                .as("send(..) after the container stopped").isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("Redis client 'redis'").hasMessageContaining("Vert.x");
        assertThat(failure(api.ping(List.of()).toCompletionStage().toCompletableFuture()))
                .as("RedisAPI.ping(..) after the container stopped").isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("Redis client 'redis'").hasMessageContaining("Vert.x");
    }

    private static Throwable failure(CompletableFuture<?> call) throws Exception {
        try {
            call.get(5, TimeUnit.SECONDS);
            return null;
        } catch (ExecutionException failed) {
            return failed.getCause();
        }
    }

    private static RedisClient redis(WeldContainer container) {
        return container.select(RedisClient.class).get();
    }

    private static String key() {
        return "caller-thread:" + UUID.randomUUID();
    }
}
