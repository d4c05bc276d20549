package dev.rediscdi.tests;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import jakarta.enterprise.inject.Produces;

import org.jboss.weld.environment.se.WeldContainer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import dev.rediscdi.RedisClient;
import dev.rediscdi.testing.RedisServer;
import dev.rediscdi.testing.RedisServerExtension;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;

/**
 * Commands one thread sends without waiting reach Redis in the order sent, also when more are in flight than a
 * connection takes ({@code max-waiting-handlers}) and the rest wait in the client: a command sent while others wait
 * must not take a slot freed before them.
 */
class CommandOrderIT {
    private static final int COMMANDS = 5_000;

    @RegisterExtension
    static final RedisServerExtension REDIS = new RedisServerExtension(RedisServer.builder());

    @RepeatedTest(10)
    void shouldKeepTheOrderOfOneThreadsCommandsWhileSomeWaitForASlot() throws Exception {
        try (TestConfig config = TestConfig.of("redis.hosts", REDIS.server().uri(), "redis.max-waiting-handlers", "8",
                "redis.max-queued-commands", String.valueOf(COMMANDS));
                WeldContainer weld = Containers.boot()) {
            RedisClient redis = weld.select(RedisClient.class).get();
            redis.send("DEL", "order").toCompletableFuture().get(5, TimeUnit.SECONDS);

            List<CompletableFuture<?>> replies = new ArrayList<>();
            for (int i = 0; i < COMMANDS; i++) {
                replies.add(redis.send("RPUSH", "order", String.valueOf(i)).toCompletableFuture());
            }
            CompletableFuture.allOf(replies.toArray(CompletableFuture[]::new)).get(30, TimeUnit.SECONDS);

            assertInOrder(redis);
        }
    }

    /** The application's Vert.x, which the client uses: a caller on one of its event loops, as reactive code is. */
    static class ApplicationVertx {
        static final Vertx VERTX = Vertx.vertx();

        @Produces
        Vertx vertx() {
            return VERTX;
        }
    }

    @AfterAll
    static void closeVertx() throws Exception {
        ApplicationVertx.VERTX.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    @RepeatedTest(3)
    void shouldKeepTheOrderOfCommandsSentFromAnEventLoopWhileSomeWaitForASlot() throws Exception {
        try (TestConfig config = TestConfig.of("redis.hosts", REDIS.server().uri(), "redis.max-waiting-handlers", "8",
                "redis.max-queued-commands", String.valueOf(COMMANDS));
                WeldContainer weld = Containers.boot(ApplicationVertx.class)) {
            RedisClient redis = weld.select(RedisClient.class).get();
            redis.send("DEL", "order").toCompletableFuture().get(5, TimeUnit.SECONDS);

            for (int round = 0; round < 4; round++) { // each round from another context: they spread over the event loops
                CompletableFuture<List<CompletableFuture<?>>> sent = new CompletableFuture<>();
                int from = round * COMMANDS / 4;
                ApplicationVertx.VERTX.runOnContext(onLoop -> {
                    List<CompletableFuture<?>> replies = new ArrayList<>();
                    for (int i = from; i < from + COMMANDS / 4; i++) {
                        replies.add(redis.send("RPUSH", "order", String.valueOf(i)).toCompletableFuture());
                    }
                    sent.complete(replies);
                });
                CompletableFuture.allOf(sent.get(10, TimeUnit.SECONDS).toArray(CompletableFuture[]::new)).get(30, TimeUnit.SECONDS);
            }
            assertInOrder(redis);
        }
    }

    /**
     * The application's Vert.x with one event loop: the connection's, on which the replies come and free the slots.
     * A command the caller sent straight on waits there as a task, behind the reply being read; a command that waited
     * for a slot, sent by that reply's release on the same thread, must not be written before it.
     */
    static class OneEventLoop {
        static volatile Vertx vertx;

        @Produces
        Vertx vertx() {
            return vertx;
        }
    }

    @Test
    void shouldKeepTheOrderOfOneThreadsCommandsWhenTheirRepliesFreeTheSlotsOnTheConnectionsEventLoop() throws Exception {
        int rounds = 40;
        int perRound = 200;
        OneEventLoop.vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(1));
        try (TestConfig config = TestConfig.of("redis.hosts", REDIS.server().uri(), "redis.max-waiting-handlers", "8",
                "redis.max-queued-commands", String.valueOf(perRound));
                WeldContainer weld = Containers.boot(OneEventLoop.class)) {
            RedisClient redis = weld.select(RedisClient.class).get();
            List<String> sent = IntStream.range(0, perRound).mapToObj(String::valueOf).toList();
            List<String> outOfOrder = new ArrayList<>();
            // each round starts with every slot free: the first commands go straight on, the next wait for a slot
            for (int round = 0; round < rounds; round++) {
                String key = "order-one-loop:" + round;
                redis.send("DEL", key).toCompletableFuture().get(5, TimeUnit.SECONDS);
                List<CompletableFuture<?>> replies = new ArrayList<>();
                for (String value : sent) {
                    replies.add(redis.send("RPUSH", key, value).toCompletableFuture());
                }
                CompletableFuture.allOf(replies.toArray(CompletableFuture[]::new)).get(30, TimeUnit.SECONDS);
                List<String> pushed = redis.list(String.class).lrange(key, 0, -1).toCompletableFuture().get(10, TimeUnit.SECONDS);
                int first = firstOutOfOrder(pushed, sent);
                if (first >= 0) {
                    outOfOrder.add("round " + round + " from push " + first + ": " + pushed.subList(first, Math.min(first + 5, pushed.size())));
                }
            }
            assertThat(outOfOrder).as("rounds of %d pushes that Redis ran out of the order sent", perRound).isEmpty();
        } finally { // the application's Vert.x: stopped by the application, after the client
            OneEventLoop.vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        }
    }

    private static void assertInOrder(RedisClient redis) throws Exception {
        List<String> pushed = redis.list(String.class).lrange("order", 0, -1).toCompletableFuture().get(10, TimeUnit.SECONDS);
        List<String> sent = IntStream.range(0, COMMANDS).mapToObj(String::valueOf).toList();
        assertThat(pushed).as("the list as Redis ran the pushes").hasSize(COMMANDS);
        int first = firstOutOfOrder(pushed, sent);
        assertThat(first).as("first push out of the order sent (-1: none): %s", first < 0 ? "" : pushed.subList(Math.max(0, first - 3),
                Math.min(pushed.size(), first + 12))).isEqualTo(-1);
    }

    private static int firstOutOfOrder(List<String> actual, List<String> expected) {
        for (int i = 0; i < actual.size(); i++) {
            if (!actual.get(i).equals(expected.get(i))) {
                return i;
            }
        }
        return -1;
    }
}
