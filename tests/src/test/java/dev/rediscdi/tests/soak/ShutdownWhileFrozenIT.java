package dev.rediscdi.tests.soak;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.jboss.weld.environment.se.WeldContainer;
import org.junit.jupiter.api.Test;

import dev.rediscdi.CommandResults;
import dev.rediscdi.RedisClient;
import dev.rediscdi.SubscriptionChange;
import dev.rediscdi.tests.Containers;
import dev.rediscdi.tests.Eventually;
import dev.rediscdi.tests.TestConfig;
import dev.rediscdi.testing.RedisServer;

/**
 * The application stops (a redeployment) while Redis is frozen and calls are on their way: the container's shutdown
 * returns, every call's stage completes (subscriptions that Redis has not confirmed yet too), and no Vert.x thread is left.
 */
class ShutdownWhileFrozenIT {
    private static final long BOUND_SECONDS = 15;

    @Test
    void shouldCompleteEveryCallAndStopWhileRedisIsFrozen() throws Exception {
        Map<String, CompletableFuture<?>> calls = new LinkedHashMap<>();
        try (RedisServer server = RedisServer.builder().start();
                TestConfig config = TestConfig.of("redis.hosts", server.uri(), "redis.timeout", "30s")) {
            WeldContainer weld = Containers.boot();
            RedisClient redis = connected(weld);
            redis.subscribe(message -> { }, "shutdown-frozen").toCompletableFuture().get(5, TimeUnit.SECONDS);
            redis.transaction(tx -> tx.value(String.class).set("warm", "up")).toCompletableFuture().get(5, TimeUnit.SECONDS);
            ExecutorService stopper = Executors.newSingleThreadExecutor();
            server.freeze();
            try {
                for (int i = 0; i < 20; i++) {
                    calls.put("GET " + i, redis.send("GET", "k" + i).toCompletableFuture());
                    calls.put("BLPOP " + i, redis.send("BLPOP", "queue" + i, "0").toCompletableFuture());
                }
                calls.put("transaction", redis.transaction(tx -> tx.value(String.class).set("t", "v")).toCompletableFuture());
                // written on the open subscription connection, never confirmed by the frozen server
                calls.put("subscribe", redis.subscribe(message -> { }, "frozen-channel").toCompletableFuture());
                calls.put("psubscribe", redis.psubscribe(message -> { }, "frozen-pattern:*").toCompletableFuture());
                calls.put("ssubscribe", redis.ssubscribe(message -> { }, "frozen-shard-channel").toCompletableFuture());
                CompletableFuture<CommandResults> pipeline = redis.pipeline(p -> p.value(String.class).get("p")).toCompletableFuture();
                Thread.sleep(300); // written to the frozen server's sockets

                Future<?> shutdown = stopper.submit(weld::shutdown);
                shutdown.get(BOUND_SECONDS, TimeUnit.SECONDS);
                CommandResults piped = pipeline.handle((results, error) -> results).get(BOUND_SECONDS, TimeUnit.SECONDS);
                assertThat(piped == null || piped.failed(0)).as("the pipeline failed, or its GET did: %s", piped).isTrue();
                awaitCompletion(calls);
            } finally {
                server.unfreeze();
                stopper.shutdownNow();
            }
            assertThat(calls.values()).allSatisfy(call -> assertThat(call).isCompletedExceptionally());
            assertThat(Eventually.get(Duration.ofSeconds(10), () -> {
                List<String> left = Thread.getAllStackTraces().keySet().stream().filter(Thread::isAlive).map(Thread::getName)
                        .filter(name -> name.startsWith("vert.x-")).toList();
                if (!left.isEmpty()) {
                    throw new IllegalStateException("Vert.x threads left: " + left);
                }
                return left;
            })).isEmpty();
        }
    }

    /**
     * Calls waiting for a connection to open when the application stops: Redis, frozen, accepted their sockets but
     * answers nothing, so their connects hang in the handshake.
     */
    @Test
    void shouldCompleteCallsWaitingForAConnectionWhenTheApplicationStops() throws Exception {
        Map<String, CompletableFuture<?>> calls = new LinkedHashMap<>();
        try (RedisServer server = RedisServer.builder().start();
                TestConfig config = TestConfig.of("redis.hosts", server.uri(), "redis.timeout", "30s")) {
            WeldContainer weld = Containers.boot();
            RedisClient redis = connected(weld);
            ExecutorService stopper = Executors.newSingleThreadExecutor();
            server.freeze();
            try {
                calls.put("transaction", redis.transaction(tx -> tx.value(String.class).set("t", "v")).toCompletableFuture());
                calls.put("withConnection", redis.withConnection(connection -> connection.send("PING")).toCompletableFuture());
                calls.put("batch", redis.batch(List.of(io.vertx.redis.client.Request.cmd(io.vertx.redis.client.Command.PING))).toCompletableFuture());
                calls.put("BLPOP 0", redis.send("BLPOP", "queue", "0").toCompletableFuture());
                calls.put("BLPOP 20", redis.send("BLPOP", "queue", "20").toCompletableFuture());
                Thread.sleep(300); // their connects wait for the frozen server's handshake

                stopper.submit(weld::shutdown).get(BOUND_SECONDS, TimeUnit.SECONDS);
                awaitCompletion(calls);
            } finally {
                server.unfreeze();
                stopper.shutdownNow();
            }
            assertThat(calls.values()).allSatisfy(call -> assertThat(call).isCompletedExceptionally());
        }
    }

    /**
     * The application stops before the frozen Redis confirmed the subscription of its {@code events.channels}: the
     * subscription goes with the application, and its observers hear nothing of it (no {@code SubscriptionChange}: it
     * is no gap in a subscription that goes on).
     */
    @Test
    void shouldFireNoSubscriptionChangeWhenTheApplicationStopsBeforeItsEventChannelsWereConfirmed() throws Exception {
        SubscriptionChanges.HEARD.clear();
        try (RedisServer server = RedisServer.builder().start();
                TestConfig config = TestConfig.of("redis.hosts", server.uri(), "redis.timeout", "30s", "redis.events.channels", "frozen-events")) {
            server.freeze();
            try {
                WeldContainer weld = Containers.boot(SubscriptionChanges.class); // subscribes at start-up, without waiting
                Thread.sleep(300); // its connection waits for the frozen server's handshake
                ExecutorService stopper = Executors.newSingleThreadExecutor();
                try {
                    stopper.submit(weld::shutdown).get(BOUND_SECONDS, TimeUnit.SECONDS);
                } finally {
                    stopper.shutdownNow();
                }
                Thread.sleep(500); // an observer call already handed to a listener thread would have come by now
            } finally {
                server.unfreeze();
            }
        }
        assertThat(SubscriptionChanges.HEARD).as("subscription changes fired as the application stopped").isEmpty();
    }

    @ApplicationScoped
    static class SubscriptionChanges {
        static final List<String> HEARD = new CopyOnWriteArrayList<>();

        void on(@Observes SubscriptionChange change) {
            HEARD.add(change.status() + " " + change.topics());
        }
    }

    /** Work on a scoped connection that sends its command after the application stopped (a request still running). */
    @Test
    void shouldFailACommandAScopedConnectionSendsAfterTheApplicationStopped() throws Exception {
        try (RedisServer server = RedisServer.builder().start();
                TestConfig config = TestConfig.of("redis.hosts", server.uri(), "redis.timeout", "30s")) {
            WeldContainer weld = Containers.boot();
            RedisClient redis = connected(weld);
            java.util.concurrent.CountDownLatch working = new java.util.concurrent.CountDownLatch(1);
            java.util.concurrent.CountDownLatch stopped = new java.util.concurrent.CountDownLatch(1);
            CompletableFuture<io.vertx.redis.client.Response> scoped = redis.withConnection(connection -> {
                working.countDown();
                try {
                    stopped.await(BOUND_SECONDS, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return connection.send("PING");
            }).toCompletableFuture();
            assertThat(working.await(BOUND_SECONDS, TimeUnit.SECONDS)).isTrue();
            weld.shutdown();
            stopped.countDown();

            Throwable failure = scoped.handle((pong, error) -> error).get(BOUND_SECONDS, TimeUnit.SECONDS);
            assertThat(failure).as("the PING sent after the shutdown").isInstanceOf(dev.rediscdi.RedisException.class);
        }
    }

    private static void awaitCompletion(Map<String, CompletableFuture<?>> calls) throws InterruptedException {
        Eventually.get(Duration.ofSeconds(BOUND_SECONDS), () -> {
            List<String> pending = calls.entrySet().stream().filter(call -> !call.getValue().isDone()).map(Map.Entry::getKey).toList();
            if (!pending.isEmpty()) {
                throw new IllegalStateException("still pending after the shutdown: " + pending);
            }
            return pending;
        });
    }

    /** The container's client, once it answers (a cold JVM may take a while to open its first connection). */
    private static RedisClient connected(WeldContainer weld) throws InterruptedException {
        RedisClient redis = weld.select(RedisClient.class).get();
        Eventually.get(Duration.ofSeconds(10), () -> redis.send("PING").toCompletableFuture().get(5, TimeUnit.SECONDS));
        return redis;
    }
}
