package dev.rediscdi.tests.threads;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.jboss.weld.environment.se.WeldContainer;
import org.junit.jupiter.api.Test;

import dev.rediscdi.RedisClient;
import dev.rediscdi.testing.RedisServer;
import dev.rediscdi.tests.Containers;
import dev.rediscdi.tests.TestConfig;
import io.vertx.core.VertxOptions;

/** "A continuation that waits for a later one never deadlocks", with more such continuations than Vert.x has workers. */
class WaitingContinuationsIT {
    /** More than Vert.x's worker pool has threads (20 by default). */
    private static final int WORKERS = VertxOptions.DEFAULT_WORKER_POOL_SIZE + 12;

    @Test
    void shouldRunTheLaterContinuationsWhileEveryWorkerWaitsForOne() throws Exception {
        try (RedisServer server = RedisServer.builder().start();
                TestConfig config = TestConfig.of("redis.hosts", server.uri());
                WeldContainer weld = Containers.boot()) {
            RedisClient redis = weld.select(RedisClient.class).get();
            redis.send("PING").toCompletableFuture().get(5, TimeUnit.SECONDS);
            CountDownLatch allWaiting = new CountDownLatch(WORKERS);
            AtomicInteger answered = new AtomicInteger();
            List<String> failures = Collections.synchronizedList(new ArrayList<>());
            List<CompletableFuture<Void>> outer = new ArrayList<>();
            server.freeze(); // the stages are surely not complete when the continuations are registered
            try {
                for (int i = 0; i < WORKERS; i++) {
                    outer.add(redis.send("PING").thenRun(() -> {
                        allWaiting.countDown(); // as under load: every worker is in such a continuation at once
                        await(allWaiting);
                        try { // waits for a later continuation, as a join() on a derived stage does
                            redis.send("PING").thenApply(reply -> reply.toString()).toCompletableFuture().get(5, TimeUnit.SECONDS);
                            answered.incrementAndGet();
                        } catch (Exception e) { // counted below: the later continuation did not run in time
                            failures.add(e.toString());
                        }
                    }).toCompletableFuture());
                }
            } finally {
                server.unfreeze();
            }
            CompletableFuture.allOf(outer.toArray(CompletableFuture[]::new)).get(60, TimeUnit.SECONDS);
            assertThat(answered).as("continuations whose later continuation ran, of " + WORKERS + "; failures: " + failures).hasValue(WORKERS);
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
