package dev.rediscdi.tests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import jakarta.inject.Inject;

import org.jboss.weld.junit5.WeldInitiator;
import org.jboss.weld.junit5.WeldJunit5Extension;
import org.jboss.weld.junit5.WeldSetup;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

import dev.rediscdi.BlockingRedisClient;
import dev.rediscdi.RedisClient;
import dev.rediscdi.RedisReplyException;
import dev.rediscdi.RedisTimeoutException;
import dev.rediscdi.ReplyType;
import dev.rediscdi.testing.RedisServer;
import dev.rediscdi.testing.RedisServerExtension;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.Request;
import io.vertx.redis.client.Response;

@ExtendWith(WeldJunit5Extension.class)
class BatchAndDeadlineIT {

    @RegisterExtension
    static final RedisServerExtension REDIS = new RedisServerExtension(RedisServer.builder());

    @RegisterExtension
    final TestConfig config = TestConfig.of("redis.hosts", REDIS.server().uri(), "redis.timeout", "500ms");

    @WeldSetup
    WeldInitiator weld = Containers.initiator();

    @Inject
    RedisClient redis;
    @Inject
    BlockingRedisClient blocking;


    @Test
    void shouldReturnEveryReplyOfABatchInOrder() {
        String key = "batch:" + UUID.randomUUID();
        List<Response> replies = blocking.batch(List.of(
                Request.cmd(Command.SET).arg(key).arg("1"),
                Request.cmd(Command.INCR).arg(key),
                Request.cmd(Command.GET).arg(key)));

        assertThat(replies).extracting(Response::toString).containsExactly("OK", "2", "2");
    }

    @Test
    void shouldNameTheRefusedCommandOfAFailedBatch() {
        String key = "batch:" + UUID.randomUUID();
        blocking.send("LPUSH", key, "x");

        assertThatThrownBy(() -> blocking.batch(List.of(Request.cmd(Command.PING), Request.cmd(Command.GET).arg(key))))
                .isInstanceOf(RedisReplyException.class)
                .hasMessageContaining("Redis refused commands of a batch of 2")
                .satisfies(e -> assertThat(((RedisReplyException) e).code()).isEqualTo("WRONGTYPE"));
    }

    @Test
    void shouldCarryConcurrentBatchesWithoutPoolErrors() throws Exception {
        String key = "batches:" + UUID.randomUUID();
        List<Throwable> failures = Concurrently.run(64, 50, () -> {
            List<Request> batch = new ArrayList<>();
            for (int c = 0; c < 10; c++) {
                batch.add(Request.cmd(Command.INCR).arg(key));
            }
            redis.batch(batch).toCompletableFuture().get(10, TimeUnit.SECONDS);
        });

        assertThat(failures).isEmpty();
        assertThat(REDIS.server().command("GET", key)).isEqualTo("32000");
    }

    @Test
    void shouldFailCommandsAndBatchesAtTheDeadlineWhenRedisDoesNotAnswer() throws Exception {
        blocking.send("PING"); // connected before the pause
        REDIS.server().command("CLIENT", "PAUSE", "1500", "ALL");
        long start = System.nanoTime();
        CompletableFuture<Response> single = redis.send("GET", "paused").toCompletableFuture();
        CompletableFuture<List<Response>> batch = redis.batch(List.of(Request.cmd(Command.GET).arg("paused"))).toCompletableFuture();

        assertThatThrownBy(() -> single.get(5, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class)
                .hasCauseInstanceOf(RedisTimeoutException.class);
        assertThatThrownBy(() -> batch.get(5, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class)
                .hasCauseInstanceOf(RedisTimeoutException.class);
        assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start)).as("failed at the deadline, not when Redis woke up")
                .isLessThan(1400);
        Thread.sleep(1600);
        assertThat(blocking.execute(ReplyType.STRING, "PING")).as("works again after the pause").isEqualTo("PONG");
    }

    @Test
    void shouldLetBlockingCommandsWaitLongerThanTheClientTimeout() {
        String queue = "queue:" + UUID.randomUUID();
        long start = System.nanoTime();

        assertThat(blocking.execute(ReplyType.STRING_LIST, "BLPOP", queue, 1)).isEmpty();
        assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start)).isGreaterThanOrEqualTo(900);
    }
}
