package dev.rediscdi.tests.topology;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import org.jboss.weld.environment.se.WeldContainer;
import org.junit.jupiter.api.Test;

import dev.rediscdi.RedisClient;
import dev.rediscdi.RedisConnectionLostException;
import dev.rediscdi.ReplyType;
import dev.rediscdi.testing.RedisSentinelGroup;
import dev.rediscdi.testing.RedisServer;
import dev.rediscdi.tests.Containers;
import dev.rediscdi.tests.Eventually;
import dev.rediscdi.tests.TestConfig;

/** {@code BLPOP} through the client across a Sentinel failover ({@code kill -9} of the primary). */
class BlockingCommandAcrossFailoverIT {

    @Test
    void shouldFailTheParkedBlpopAtOnceAndServeTheNextOneFromTheNewPrimary() throws Exception {
        RedisSentinelGroup group = SharedTopologies.sentinelGroup();
        try (TestConfig config = SharedTopologies.sentinelClient(group, "redis.timeout", "1s")) {
            WeldContainer container = Containers.boot();
            try {
                RedisClient redis = container.select(RedisClient.class).get();
                String queue = "jobs:" + UUID.randomUUID();
                CompletableFuture<List<String>> parked = redis.execute(ReplyType.STRING_LIST, "BLPOP", queue, 30).toCompletableFuture();
                awaitBlocked(group.primary());

                long killed = System.nanoTime();
                group.failover();

                // the connection died with the primary: the caller learns it at once, not after BLPOP's 30 s; BLPOP
                // pops, so it is not sent again by itself (it may have taken an element)
                assertThatThrownBy(() -> parked.get(5, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class)
                        .hasCauseInstanceOf(RedisConnectionLostException.class);

                List<String> popped = Eventually.get(Duration.ofSeconds(10), () -> {
                    CompletableFuture<List<String>> next = redis.execute(ReplyType.STRING_LIST, "BLPOP", queue, 5).toCompletableFuture();
                    awaitBlocked(group.primary());
                    group.primary().command("RPUSH", queue, "after the failover");
                    return next.get(5, TimeUnit.SECONDS);
                });
                assertThat(popped).containsExactly(queue, "after the failover");
                assertThat(Duration.ofNanos(System.nanoTime() - killed)).as("from the kill to the element popped")
                        .isLessThan(Duration.ofSeconds(10));
                assertThat(redis.execute(ReplyType.LONG, "LLEN", queue).toCompletableFuture().get(5, TimeUnit.SECONDS)).isZero();
            } finally {
                container.shutdown();
            }
        } finally {
            group.restartStoppedNodes();
        }
    }

    /** Waits (at most 5 s) until a client of {@code primary} is blocked in BLPOP. */
    private static void awaitBlocked(RedisServer primary) throws InterruptedException {
        Eventually.get(Duration.ofSeconds(5), () -> {
            if (!primary.command("CLIENT", "LIST").contains("cmd=blpop")) {
                throw new IllegalStateException("no client blocked in BLPOP on " + primary);
            }
            return true;
        });
    }
}
