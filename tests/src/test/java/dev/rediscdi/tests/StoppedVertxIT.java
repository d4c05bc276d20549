package dev.rediscdi.tests;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;

import org.jboss.weld.environment.se.WeldContainer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import dev.rediscdi.RedisClient;
import dev.rediscdi.ReplyType;
import dev.rediscdi.testing.RedisServer;
import dev.rediscdi.testing.RedisServerExtension;
import io.vertx.core.Vertx;

/**
 * The application's own Vert.x, which the client uses, stopped before the client (an application closing it in its
 * own shutdown code, before the container disposes of the client): calls made then fail, none waits for good.
 */
class StoppedVertxIT {
    @RegisterExtension
    static final RedisServerExtension REDIS = new RedisServerExtension(RedisServer.builder());

    @ApplicationScoped
    static class ApplicationVertx {
        final Vertx vertx = Vertx.vertx();

        @Produces
        Vertx vertx() {
            return vertx;
        }

        void stop() throws Exception {
            vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        }
    }

    @Test
    void shouldFailEveryKindOfCallOnceTheApplicationsVertxStopped() throws Exception {
        try (TestConfig config = TestConfig.of("redis.hosts", REDIS.server().uri(), "redis.timeout", "500ms");
                WeldContainer weld = Containers.boot(ApplicationVertx.class)) {
            RedisClient redis = weld.select(RedisClient.class).get();
            assertThat(redis.execute(ReplyType.STRING, "PING").toCompletableFuture().get(5, TimeUnit.SECONDS)).isEqualTo("PONG");
            weld.select(ApplicationVertx.class).get().stop();

            List<String> outcomes = new ArrayList<>();
            outcome(outcomes, "send", () -> redis.send("GET", "k").toCompletableFuture());
            outcome(outcomes, "typed get", () -> redis.value(String.class).get("k").toCompletableFuture());
            outcome(outcomes, "withConnection", () -> redis.withConnection(c -> c.send("PING")).toCompletableFuture());
            outcome(outcomes, "blpop", () -> redis.send("BLPOP", "list", "1").toCompletableFuture());
            outcome(outcomes, "subscribe", () -> redis.subscribe(new RecordingListener(), "ch").toCompletableFuture());
            outcome(outcomes, "blocking get", () -> CompletableFuture.completedFuture(redis.blocking().send("GET", "k")));
            assertThat(outcomes).as("each call after the Vert.x stopped").allMatch(outcome -> outcome.endsWith("failed"));
        }
    }

    private static void outcome(List<String> outcomes, String call, java.util.concurrent.Callable<CompletableFuture<?>> made) {
        try {
            made.call().get(5, TimeUnit.SECONDS);
            outcomes.add(call + ": succeeded");
        } catch (TimeoutException hung) {
            outcomes.add(call + ": still waiting after 5 s");
        } catch (ExecutionException | RuntimeException failed) {
            outcomes.add(call + ": failed");
        } catch (Exception other) {
            outcomes.add(call + ": " + other);
        }
    }
}
