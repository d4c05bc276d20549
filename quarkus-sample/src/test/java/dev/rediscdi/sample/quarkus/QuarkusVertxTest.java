package dev.rediscdi.sample.quarkus;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import jakarta.enterprise.inject.spi.CDI;

import org.junit.jupiter.api.Test;

import dev.rediscdi.NamedRedisClient;
import dev.rediscdi.sample.quarkus.RedisServerResource.InjectRedisServer;
import dev.rediscdi.testing.RedisServer;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.core.runtime.VertxCoreRecorder;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.Redis;
import io.vertx.redis.client.Request;

/**
 * One Vert.x per application: the library runs its clients on the Vert.x Quarkus manages (its event loops, closed by
 * Quarkus) and starts none of its own. Quarkus' Vert.x is taken from Quarkus itself, not injected, so that this test
 * does not change which beans ArC keeps.
 */
@QuarkusTest
@WithTestResource(RedisServerResource.class)
class QuarkusVertxTest {

    /** Every Vert.x instance has exactly one thread of this name. */
    private static final String BLOCKED_THREAD_CHECKER = "vertx-blocked-thread-checker";
    private static final Duration PATIENCE = Duration.ofSeconds(5);

    @InjectRedisServer
    RedisServer server;

    @Test
    void shouldRunTheClientsOnTheVertxOfQuarkus() throws Exception {
        Vertx quarkus = VertxCoreRecorder.getVertx().get();

        assertThat(replyContextOwner(CDI.current().select(Redis.class).get())).as("the default client's Vert.x").isSameAs(quarkus);
        assertThat(replyContextOwner(CDI.current().select(Redis.class, NamedRedisClient.Literal.of("cache")).get()))
                .as("the cache client's Vert.x").isSameAs(quarkus);
    }

    @Test
    void shouldStartNoVertxOfItsOwn() throws Exception {
        // the session store's cache listener has a Vert.x of its own (one event loop) once it started: count it apart
        long expected = -1;
        long running = -1;
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        do {
            expected = 1 + sessionListeners();
            running = Thread.getAllStackTraces().keySet().stream().filter(thread -> thread.getName().equals(BLOCKED_THREAD_CHECKER)).count();
            if (running == expected) {
                break;
            }
            Thread.sleep(100);
        } while (System.nanoTime() < deadline);

        assertThat(running).as("Vert.x instances (threads named %s): Quarkus' and the session store's listener (%d)",
                BLOCKED_THREAD_CHECKER, expected - 1).isEqualTo(expected);
    }

    /** The Vert.x whose context completes a command of the driver client. */
    private static Vertx replyContextOwner(Redis redis) throws Exception {
        CompletableFuture<Vertx> owner = new CompletableFuture<>();
        redis.send(Request.cmd(Command.PING)).onComplete(reply -> {
            Context context = Vertx.currentContext();
            if (reply.failed()) {
                owner.completeExceptionally(reply.cause());
            } else {
                owner.complete(context == null ? null : context.owner());
            }
        });
        return owner.get(10, TimeUnit.SECONDS);
    }

    private long sessionListeners() {
        return server.command("CLIENT", "LIST").lines().filter(line -> line.contains(" name=redis-session-invalidations ")).count();
    }
}
