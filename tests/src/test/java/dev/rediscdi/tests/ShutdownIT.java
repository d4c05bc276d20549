package dev.rediscdi.tests;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.TimeUnit;

import org.jboss.weld.environment.se.WeldContainer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import dev.rediscdi.NamedRedisClient;
import dev.rediscdi.RedisClient;
import dev.rediscdi.SubscriptionListener;
import dev.rediscdi.testing.RedisServer;
import dev.rediscdi.testing.RedisServerExtension;

class ShutdownIT {

    @RegisterExtension
    static final RedisServerExtension REDIS = new RedisServerExtension(RedisServer.builder());

    @Test
    void shouldCloseEveryConnectionAndThreadAtShutdown() throws Exception {
        try (TestConfig config = TestConfig.of("redis.hosts", REDIS.server().uri(), "redis.cache.hosts", REDIS.server().uri())) {
            WeldContainer container = Containers.boot();
            RedisClient redis = container.select(RedisClient.class).get();
            RedisClient cache = container.select(RedisClient.class, NamedRedisClient.Literal.of("cache")).get();
            redis.send("SET", "shutdown", "1").toCompletableFuture().get(5, TimeUnit.SECONDS);
            cache.send("GET", "shutdown").toCompletableFuture().get(5, TimeUnit.SECONDS);
            redis.subscribe(message -> { }, "shutdown-channel").toCompletableFuture().get(5, TimeUnit.SECONDS);
            assertThat(vertxThreads()).isNotEmpty();
            assertThat(clientCount()).isEqualTo(4); // two pipelined, one subscription, the harness

            container.shutdown();

            assertThat(waitUntil(() -> vertxThreads().isEmpty())).as("Vert.x threads left: %s", vertxThreads()).isTrue();
            assertThat(waitUntil(() -> clientCount() == 1)).as("connections left: %s", REDIS.server().command("CLIENT", "LIST")).isTrue();
        }
    }

    @Test
    void shouldReuseTheApplicationsVertxAndLeaveItOpen() throws Exception {
        io.vertx.core.Vertx vertx = io.vertx.core.Vertx.vertx();
        try (TestConfig config = TestConfig.of("redis.hosts", REDIS.server().uri())) {
            VertxProducer.VERTX = vertx;
            WeldContainer container = Containers.boot(VertxProducer.class);
            RedisClient redis = container.select(RedisClient.class).get();
            String thread = redis.send("PING").thenApply(pong -> Thread.currentThread().getName())
                    .toCompletableFuture().get(5, TimeUnit.SECONDS);
            container.shutdown();

            // a reply that came before thenApply was registered runs it on this thread; never on an event loop
            assertThat(thread).as("where the continuation ran").doesNotContain("eventloop");
            assertThat(vertx.deploymentIDs()).isNotNull();
            assertThat(vertx.setTimer(1, id -> { })).as("the application's Vert.x is still open").isGreaterThanOrEqualTo(0);
        } finally {
            vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        }
    }

    @jakarta.enterprise.context.ApplicationScoped
    static class VertxProducer {
        static io.vertx.core.Vertx VERTX;

        @jakarta.enterprise.inject.Produces
        io.vertx.core.Vertx vertx() {
            return VERTX;
        }
    }

    private static List<String> vertxThreads() {
        return Thread.getAllStackTraces().keySet().stream().filter(Thread::isAlive).map(Thread::getName)
                .filter(name -> name.startsWith("vert.x-") || name.startsWith("vertx-")).toList();
    }

    private static long clientCount() {
        return REDIS.server().command("CLIENT", "LIST").lines().count();
    }

    private static boolean waitUntil(java.util.function.BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (System.nanoTime() < deadline) {
            if (condition.getAsBoolean()) {
                return true;
            }
            Thread.sleep(50);
        }
        return condition.getAsBoolean();
    }

    static SubscriptionListener ignore() {
        return message -> { };
    }
}
