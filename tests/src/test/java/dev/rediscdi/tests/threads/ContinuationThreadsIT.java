package dev.rediscdi.tests.threads;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URL;
import java.net.URLClassLoader;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import jakarta.enterprise.context.control.RequestContextController;

import org.jboss.weld.environment.se.WeldContainer;
import org.junit.jupiter.api.Test;

import dev.rediscdi.RedisClient;
import dev.rediscdi.Subscription;
import dev.rediscdi.tests.Containers;
import dev.rediscdi.tests.TestConfig;
import dev.rediscdi.testing.RedisServer;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.redis.client.Response;

/** Where continuations of the client's stages run, and what they see there. */
class ContinuationThreadsIT {
    private static final long BOUND_SECONDS = 60; // generous: the machine may be loaded, and a frozen client would never get there

    @Test
    void shouldKeepAnsweringWhileContinuationsAndAListenerBlock() throws Exception {
        try (RedisServer server = RedisServer.builder().start();
                TestConfig config = TestConfig.of("redis.hosts", server.uri(), "redis.connections", "1");
                WeldContainer weld = Containers.boot()) {
            RedisClient redis = weld.select(RedisClient.class).get();
            redis.send("PING").toCompletableFuture().get(5, TimeUnit.SECONDS);
            CountDownLatch release = new CountDownLatch(1);
            List<String> blockedThreads = new ArrayList<>();
            CountDownLatch allBlocked = new CountDownLatch(3);
            Runnable block = () -> {
                synchronized (blockedThreads) {
                    blockedThreads.add(Thread.currentThread().getName());
                }
                allBlocked.countDown();
                awaitQuietly(release);
            };
            Subscription subscription = redis.subscribe(message -> block.run(), "blocking-listener")
                    .toCompletableFuture().get(5, TimeUnit.SECONDS);
            try {
                // Redis frozen while the continuations are registered: their stages are surely not complete yet (a
                // continuation registered on a complete stage runs at once on the registering thread, this one)
                CompletableFuture<Void> plain;
                CompletableFuture<Void> typed;
                server.freeze();
                try {
                    plain = redis.send("SET", "k", "v").thenRun(block).toCompletableFuture();
                    typed = redis.value(String.class).get("k").thenAccept(value -> block.run()).toCompletableFuture();
                } finally {
                    server.unfreeze();
                }
                redis.send("PUBLISH", "blocking-listener", "hello").toCompletableFuture().get(5, TimeUnit.SECONDS);
                assertThat(allBlocked.await(BOUND_SECONDS, TimeUnit.SECONDS)).as("three blocked callbacks running").isTrue();

                // with every callback above blocked, the one connection still carries commands and their replies
                List<CompletableFuture<Response>> later = new ArrayList<>();
                for (int i = 0; i < 100; i++) {
                    later.add(redis.send("INCR", "while-blocked").toCompletableFuture());
                }
                CompletableFuture.allOf(later.toArray(CompletableFuture[]::new)).get(BOUND_SECONDS, TimeUnit.SECONDS);
                assertThat(later.get(99).join().toLong()).isEqualTo(100);
                assertThat(plain).isNotDone();
                assertThat(typed).isNotDone();
                assertThat(blockedThreads).as("no callback runs on an event loop, nor on the caller's thread")
                        .noneMatch(name -> name.contains("eventloop") || name.equals(Thread.currentThread().getName()));
            } finally {
                release.countDown();
                subscription.unsubscribe().toCompletableFuture().get(5, TimeUnit.SECONDS);
            }
        }
    }

    @Test
    void shouldRunContinuationsWithTheCallersClassLoaderAndRequestContext() throws Exception {
        try (RedisServer server = RedisServer.builder().start();
                TestConfig config = TestConfig.of("redis.hosts", server.uri());
                WeldContainer weld = Containers.boot(RequestBag.class)) {
            RedisClient redis = weld.select(RedisClient.class).get();
            RequestBag bag = weld.select(RequestBag.class).get();
            RequestContextController requests = weld.select(RequestContextController.class).get();
            ClassLoader callers = new URLClassLoader(new URL[0], getClass().getClassLoader());
            ClassLoader previous = Thread.currentThread().getContextClassLoader();
            AtomicReference<ClassLoader> seenLoader = new AtomicReference<>();
            AtomicReference<String> seenBag = new AtomicReference<>();
            AtomicReference<String> seenBagInTyped = new AtomicReference<>();
            AtomicReference<Thread> seenThread = new AtomicReference<>();
            String callersBag;
            requests.activate();
            Thread.currentThread().setContextClassLoader(callers);
            server.freeze(); // the stages are surely not complete when the continuations are registered
            try {
                callersBag = bag.id();
                CompletableFuture<Void> plain = redis.send("SET", "ctx", "1").thenRun(() -> {
                    seenThread.set(Thread.currentThread());
                    seenLoader.set(Thread.currentThread().getContextClassLoader());
                    seenBag.set(bag.id());
                }).toCompletableFuture();
                CompletableFuture<Void> typed = redis.value(String.class).get("ctx")
                        .thenCompose(value -> redis.value(String.class).set("ctx2", value))
                        .thenRun(() -> seenBagInTyped.set(bag.id())).toCompletableFuture();
                server.unfreeze();
                CompletableFuture.allOf(plain, typed).get(BOUND_SECONDS, TimeUnit.SECONDS);
            } finally {
                server.unfreeze();
                Thread.currentThread().setContextClassLoader(previous);
                requests.deactivate();
            }
            assertThat(seenThread.get()).as("another thread than the caller's").isNotSameAs(Thread.currentThread());
            assertThat(seenLoader.get()).as("the caller's class loader").isSameAs(callers);
            assertThat(seenBag.get()).as("the caller's @RequestScoped bean").isEqualTo(callersBag);
            assertThat(seenBagInTyped.get()).as("the same bean two stages later").isEqualTo(callersBag);
        }
    }

    @Test
    void shouldResumeCallersOnTheirOwnVertxContext() throws Exception {
        Vertx application = Vertx.vertx();
        try (RedisServer server = RedisServer.builder().start();
                TestConfig config = TestConfig.of("redis.hosts", server.uri());
                WeldContainer weld = Containers.boot()) {
            RedisClient redis = weld.select(RedisClient.class).get();
            Context callers = application.getOrCreateContext();
            CompletableFuture<Context> resumedOn = new CompletableFuture<>();
            callers.runOnContext(ignored -> redis.send("PING").thenRun(() -> resumedOn.complete(Vertx.currentContext())));
            assertThat(resumedOn.get(BOUND_SECONDS, TimeUnit.SECONDS)).isSameAs(callers);
        } finally {
            application.close().toCompletionStage().toCompletableFuture().get(BOUND_SECONDS, TimeUnit.SECONDS);
        }
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            if (!latch.await(BOUND_SECONDS, TimeUnit.SECONDS)) {
                throw new IllegalStateException("never released");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
