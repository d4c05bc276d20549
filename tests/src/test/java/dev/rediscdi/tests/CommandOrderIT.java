package dev.rediscdi.tests;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import org.jboss.weld.environment.se.WeldContainer;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.extension.RegisterExtension;

import dev.rediscdi.RedisClient;
import dev.rediscdi.testing.RedisServer;
import dev.rediscdi.testing.RedisServerExtension;

/**
 * Commands one thread sends without waiting reach Redis in the order sent, also when more are in flight than a
 * connection takes ({@code max-waiting-handlers}) and the rest wait in the client: a command sent while others wait
 * must not take a slot freed before them.
 */
class CommandOrderIT {
    private static final int COMMANDS = 5_000;

    @RegisterExtension
    static final RedisServerExtension REDIS = new RedisServerExtension(RedisServer.builder());

    @RepeatedTest(3)
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

            List<String> pushed = redis.list(String.class).lrange("order", 0, -1).toCompletableFuture().get(10, TimeUnit.SECONDS);
            List<String> sent = IntStream.range(0, COMMANDS).mapToObj(String::valueOf).toList();
            assertThat(pushed).as("the list as Redis ran the pushes").hasSize(COMMANDS);
            assertThat(firstOutOfOrder(pushed, sent)).as("first push out of the order sent (-1: none)").isEqualTo(-1);
        }
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
