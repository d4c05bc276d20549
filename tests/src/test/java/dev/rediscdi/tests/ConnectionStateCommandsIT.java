package dev.rediscdi.tests;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import jakarta.inject.Inject;

import org.jboss.weld.junit5.WeldInitiator;
import org.jboss.weld.junit5.WeldJunit5Extension;
import org.jboss.weld.junit5.WeldSetup;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

import dev.rediscdi.RedisClient;
import dev.rediscdi.ReplyType;
import dev.rediscdi.testing.RedisServer;
import dev.rediscdi.testing.RedisServerExtension;

/**
 * Commands that change the connection itself ({@code CLIENT TRACKING}, {@code CLIENT REPLY}) must never reach a
 * connection the client shares, nor one it gives back to the pool. {@code CLIENT TRACKING} turns a connection into
 * one that receives RESP3 push messages between replies: the driver 4.5 takes the oldest waiting command off its
 * queue for each push it reads and drops it, so every later reply on that connection goes to the wrong command.
 */
@ExtendWith(WeldJunit5Extension.class)
class ConnectionStateCommandsIT {

    @RegisterExtension
    static final RedisServerExtension REDIS = new RedisServerExtension(RedisServer.builder());

    @RegisterExtension
    final TestConfig config = TestConfig.of("redis.hosts", REDIS.server().uri(), "redis.protocol", "resp3",
            "redis.connections", "1", "redis.timeout", "2s");

    @WeldSetup
    WeldInitiator weld = Containers.initiator();

    @Inject
    RedisClient redis;

    @Test
    void shouldNeverLetClientTrackingShiftTheRepliesOfTheSharedConnection() throws Exception {
        for (int i = 0; i < 20; i++) {
            REDIS.server().command("SET", "shared:" + i, "value-" + i);
        }
        boolean accepted;
        try {
            redis.send("CLIENT", "TRACKING", "ON").toCompletableFuture().get(5, TimeUnit.SECONDS);
            accepted = true;
        } catch (IllegalArgumentException refused) {
            accepted = false; // refusing it, naming the alternative, is a correct answer too
        }
        if (!accepted) {
            return;
        }
        for (int round = 0; round < 3; round++) {
            redis.send("GET", "shared:tracked").toCompletableFuture().get(5, TimeUnit.SECONDS); // tracked by the shared connection
            CompletionStage<?> write = redis.send("SET", "shared:tracked", "round-" + round); // Redis pushes an invalidation
            List<CompletableFuture<String>> reads = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                reads.add(redis.execute(ReplyType.STRING, "GET", "shared:" + i).toCompletableFuture());
            }
            write.toCompletableFuture().get(5, TimeUnit.SECONDS);
            for (int i = 0; i < 20; i++) {
                assertThat(outcome(reads.get(i))).as("round %d: GET shared:%d", round, i).isEqualTo("value-" + i);
            }
        }
    }

    @Test
    void shouldGiveBackAPooledConnectionWithoutClientTracking() throws Exception {
        Long tracked = redis.withConnection(connection -> connection.send("CLIENT", "TRACKING", "ON")
                .thenCompose(ok -> connection.execute(ReplyType.LONG, "CLIENT", "ID"))).toCompletableFuture().get(5, TimeUnit.SECONDS);

        // closed instead of pooled is clean too (the close may take a moment); a pooled connection keeps its flags
        String listed = Eventually.get(Duration.ofSeconds(2), () -> {
            String line = REDIS.server().command("CLIENT", "LIST", "ID", String.valueOf(tracked));
            if (!line.isBlank() && flags(line).contains("t")) {
                throw new IllegalStateException("still open with tracking: " + line);
            }
            return line;
        });
        assertThat(listed.isBlank() || !flags(listed).contains("t")).isTrue();

        REDIS.server().command("SET", "pooled:a", "A");
        REDIS.server().command("SET", "pooled:b", "B");
        List<String> replies = redis.withConnection(connection -> connection.send("GET", "pooled:tracked").thenCompose(tracking -> {
            CompletionStage<?> write = connection.send("SET", "pooled:tracked", "changed");
            CompletableFuture<String> a = connection.execute(ReplyType.STRING, "GET", "pooled:a").toCompletableFuture();
            CompletableFuture<String> b = connection.execute(ReplyType.STRING, "GET", "pooled:b").toCompletableFuture();
            return write.thenCompose(ok -> CompletableFuture.allOf(a.exceptionally(e -> "failed: " + e),
                    b.exceptionally(e -> "failed: " + e))).thenApply(done -> List.of(a.getNow("?"), b.getNow("?")));
        }).exceptionally(e -> List.of("failed: " + e))).toCompletableFuture().get(10, TimeUnit.SECONDS);
        assertThat(replies).as("the next user of the pool gets its own replies").containsExactly("A", "B");
    }

    @Test
    void shouldKeepAnsweringAfterClientReplyOffWasSent() throws Exception {
        try {
            redis.send("CLIENT", "REPLY", "OFF").toCompletableFuture().get(5, TimeUnit.SECONDS);
        } catch (IllegalArgumentException refused) {
            return; // refusing it, naming why, is a correct answer
        } catch (ExecutionException noReply) {
            // CLIENT REPLY OFF has no reply: its deadline passes
        }

        String pong = null;
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        for (int i = 0; i < 10 && pong == null && System.nanoTime() < deadline; i++) {
            try {
                pong = redis.execute(ReplyType.STRING, "PING").toCompletableFuture().get(5, TimeUnit.SECONDS);
            } catch (ExecutionException e) {
                // the shared connection answers nothing any more
            }
        }
        assertThat(pong).as("PING within 10 s after one caller sent CLIENT REPLY OFF").isEqualTo("PONG");
    }

    private static String flags(String clientListLine) {
        for (String field : clientListLine.trim().split(" ")) {
            if (field.startsWith("flags=")) {
                return field.substring("flags=".length());
            }
        }
        throw new AssertionError("no flags in " + clientListLine);
    }

    private static String outcome(CompletableFuture<String> read) throws InterruptedException {
        try {
            return read.get(5, TimeUnit.SECONDS);
        } catch (ExecutionException | java.util.concurrent.TimeoutException e) {
            return "failed: " + e;
        }
    }
}
