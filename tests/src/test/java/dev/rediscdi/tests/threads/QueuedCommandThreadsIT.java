package dev.rediscdi.tests.threads;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import jakarta.enterprise.context.control.RequestContextController;

import org.jboss.weld.environment.se.WeldContainer;
import org.junit.jupiter.api.Test;

import dev.rediscdi.RedisClient;
import dev.rediscdi.testing.RedisServer;
import dev.rediscdi.tests.Containers;
import dev.rediscdi.tests.Eventually;
import dev.rediscdi.tests.TestConfig;
import io.vertx.core.Context;

/**
 * Where continuations run on stages the client gives in less usual ways (a pipeline's queued commands, a minimal
 * stage), and which request-scoped beans continuations see.
 */
class QueuedCommandThreadsIT {
    private static final long BOUND_SECONDS = 30;

    @Test
    void shouldNotRunAQueuedCommandsContinuationOnAnEventLoop() throws Exception {
        try (RedisServer server = RedisServer.builder().start();
                TestConfig config = TestConfig.of("redis.hosts", server.uri());
                WeldContainer weld = Containers.boot()) {
            RedisClient redis = weld.select(RedisClient.class).get();
            AtomicReference<String> thread = new AtomicReference<>();
            AtomicReference<Boolean> onEventLoop = new AtomicReference<>();
            AtomicReference<CompletableFuture<Void>> continuation = new AtomicReference<>();
            redis.pipeline(p -> continuation.set(p.value(String.class).set("k", "v").thenRun(() -> {
                thread.set(Thread.currentThread().getName());
                onEventLoop.set(Context.isOnEventLoopThread());
            }).toCompletableFuture())).toCompletableFuture().get(BOUND_SECONDS, TimeUnit.SECONDS);
            continuation.get().get(BOUND_SECONDS, TimeUnit.SECONDS);

            assertThat(onEventLoop.get()).as("the continuation ran on " + thread.get()).isFalse();
        }
    }

    @Test
    void shouldNotRunAMinimalStagesContinuationOnAnEventLoop() throws Exception {
        try (RedisServer server = RedisServer.builder().start();
                TestConfig config = TestConfig.of("redis.hosts", server.uri());
                WeldContainer weld = Containers.boot()) {
            RedisClient redis = weld.select(RedisClient.class).get();
            redis.send("PING").toCompletableFuture().get(5, TimeUnit.SECONDS);
            AtomicReference<String> thread = new AtomicReference<>();
            CompletableFuture<Boolean> onEventLoop = new CompletableFuture<>();
            server.freeze(); // the stage is surely not complete when the continuation is registered
            try {
                redis.send("SET", "k", "v").toCompletableFuture().minimalCompletionStage().thenRun(() -> {
                    thread.set(Thread.currentThread().getName());
                    onEventLoop.complete(Context.isOnEventLoopThread());
                });
            } finally {
                server.unfreeze();
            }
            assertThat(onEventLoop.get(BOUND_SECONDS, TimeUnit.SECONDS)).as("the continuation ran on " + thread.get()).isFalse();
        }
    }

    /**
     * A continuation sees the request-scoped beans the request had used when it was registered. One it uses first is
     * its own (Weld cannot share a request's storage with another thread), and is destroyed when the continuation
     * ends, as the request's are when the request does: never left undestroyed.
     */
    @Test
    void shouldDestroyARequestScopedBeanFirstUsedInAContinuationWhenTheContinuationEnds() throws Exception {
        try (RedisServer server = RedisServer.builder().start();
                TestConfig config = TestConfig.of("redis.hosts", server.uri());
                WeldContainer weld = Containers.boot(RequestBag.class)) {
            RedisClient redis = weld.select(RedisClient.class).get();
            RequestBag bag = weld.select(RequestBag.class).get();
            RequestContextController requests = weld.select(RequestContextController.class).get();
            redis.send("PING").toCompletableFuture().get(5, TimeUnit.SECONDS);
            AtomicReference<String> seenInContinuation = new AtomicReference<>();
            String seenByTheRequest;
            requests.activate();
            try {
                server.freeze(); // the stage is surely not complete when the continuation is registered
                CompletableFuture<Void> done;
                try {
                    // the request has not used the bean yet: the continuation is the first to
                    done = redis.send("SET", "ctx", "1").thenRun(() -> seenInContinuation.set(bag.id())).toCompletableFuture();
                } finally {
                    server.unfreeze();
                }
                done.get(BOUND_SECONDS, TimeUnit.SECONDS);
                seenByTheRequest = bag.id();
                // the stage completes inside the continuation, the bag is destroyed just after it: wait for that
                Eventually.get(Duration.ofSeconds(BOUND_SECONDS), () -> {
                    if (!RequestBag.DESTROYED.contains(seenInContinuation.get())) {
                        throw new IllegalStateException("the continuation's own bag is not destroyed yet");
                    }
                    return true;
                });
                assertThat(RequestBag.DESTROYED).as("the request's bag, while the request lasts").doesNotContain(seenByTheRequest);
            } finally {
                requests.deactivate();
            }
            assertThat(seenInContinuation.get()).as("a bag of the continuation's own").isNotEqualTo(seenByTheRequest);
            assertThat(RequestBag.DESTROYED).as("the request's bag, destroyed when the request ended").contains(seenByTheRequest);
        }
    }
}
