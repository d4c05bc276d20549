package dev.rediscdi.tests;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import jakarta.enterprise.inject.Produces;

import org.jboss.weld.environment.se.WeldContainer;
import org.junit.jupiter.api.Test;

import dev.rediscdi.RedisClient;
import dev.rediscdi.ReplyType;
import dev.rediscdi.testing.RedisServer;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;

/**
 * Commands the event loop writes in one turn leave in one write: the driver flushes every command on its own, which
 * the client's connections consolidate. Counted as the write system calls of this JVM (Linux' /proc/self/io) while
 * the commands queued behind a busy event loop are written.
 */
class FlushConsolidationIT {
    private static final int COMMANDS = 500;

    /** The application's Vert.x, which the client uses: one event loop, so that the test can keep it busy. */
    static class OneEventLoop {
        static final Vertx VERTX = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(1));

        @Produces
        Vertx vertx() {
            return VERTX;
        }
    }

    @Test
    void shouldWriteTheCommandsQueuedInOneTurnOfTheEventLoopInAFewWrites() throws Exception {
        try (RedisServer server = RedisServer.builder().start();
                TestConfig config = TestConfig.of("redis.hosts", server.uri());
                WeldContainer weld = Containers.boot(OneEventLoop.class)) {
            RedisClient redis = weld.select(RedisClient.class).get();
            assertThat(redis.execute(ReplyType.STRING, "PING").toCompletableFuture().get(5, TimeUnit.SECONDS)).isEqualTo("PONG");

            CountDownLatch busy = new CountDownLatch(1);
            CountDownLatch release = new CountDownLatch(1);
            OneEventLoop.VERTX.getOrCreateContext().runOnContext(ignored -> {
                busy.countDown();
                try {
                    release.await(10, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
            assertThat(busy.await(5, TimeUnit.SECONDS)).as("the event loop is busy").isTrue();

            List<CompletableFuture<String>> replies = new ArrayList<>();
            for (int i = 0; i < COMMANDS; i++) {
                replies.add(redis.execute(ReplyType.STRING, "SET", "flush:" + i, "value " + i).toCompletableFuture());
            }
            long writesBefore = writeSystemCalls();
            release.countDown();
            for (CompletableFuture<String> reply : replies) {
                assertThat(reply.get(10, TimeUnit.SECONDS)).isEqualTo("OK");
            }
            long writes = writeSystemCalls() - writesBefore;

            assertThat(writes).as("write system calls for %d commands queued together", COMMANDS).isLessThan(COMMANDS / 10);
            assertThat(redis.execute(ReplyType.STRING, "GET", "flush:" + (COMMANDS - 1)).toCompletableFuture().get(5, TimeUnit.SECONDS))
                    .isEqualTo("value " + (COMMANDS - 1));
        } finally {
            OneEventLoop.VERTX.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        }
    }

    private static long writeSystemCalls() throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/self/io"))) {
            if (line.startsWith("syscw:")) {
                return Long.parseLong(line.substring("syscw:".length()).trim());
            }
        }
        throw new IllegalStateException("no syscw line in /proc/self/io");
    }
}
