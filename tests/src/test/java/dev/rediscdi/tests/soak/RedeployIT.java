package dev.rediscdi.tests.soak;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Produces;

import org.jboss.weld.environment.se.WeldContainer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import dev.rediscdi.BlockingRedisClient;
import dev.rediscdi.KeyValue;
import dev.rediscdi.RedisClient;
import dev.rediscdi.RedisException;
import dev.rediscdi.RedisMessage;
import dev.rediscdi.testing.RedisServer;
import dev.rediscdi.testing.RedisServerExtension;
import dev.rediscdi.tests.Containers;
import dev.rediscdi.tests.Eventually;
import dev.rediscdi.tests.TestConfig;
import io.vertx.core.Vertx;

/**
 * An application deployed, used and undeployed four times in one JVM, as on an application server: after each
 * undeploy no thread of the library is left, Redis counts no connection of it, the heap holds no client of it (nor a
 * Vert.x instance beyond those the test itself keeps), and the plain thread that made the application's calls holds
 * no Netty state. Once with the Vert.x the library creates, once with the application's own {@code Vertx} bean, which
 * outlives the deployments and so would keep whatever the library forgot to close on it.
 */
class RedeployIT {
    private static final int REDEPLOYMENTS = 4;
    private static final Duration BOUND = OneOfEachCall.BOUND;
    /** A code path first taken in a later deployment (a reconnection, a late reply) links a lambda of its own, once. */
    private static final long LATE_LINKED = 1;
    private static final String EVENTS_CHANNEL = "redeploy-events";
    private static final List<String> CLIENT_CLASSES = List.of("dev.rediscdi.internal.client.DefaultRedisClient",
            "dev.rediscdi.internal.client.PipelinedConnection", "dev.rediscdi.internal.client.PubSubConnection",
            "dev.rediscdi.internal.context.Continuations", "io.vertx.core.impl.VertxImpl");

    @RegisterExtension
    static final RedisServerExtension REDIS = new RedisServerExtension(RedisServer.builder());

    @Test
    void shouldLeaveNoThreadConnectionOrClientAfterEachUndeployWithTheLibrarysVertx() throws Exception {
        // the library's Vert.x threads are named like any Vert.x instance's: every one started by a deployment must end
        redeployAndCheck(null, name -> name.startsWith("redis-") || name.startsWith("vert.x-") || name.startsWith("vertx-"));
    }

    @Test
    void shouldLeaveNoThreadConnectionOrClientAfterEachUndeployOnTheApplicationsVertx() throws Exception {
        Vertx application = Vertx.vertx();
        ApplicationVertx.instance = application;
        try {
            // the application's event loops and workers stay, started whenever first used; another instance would
            // bring a blocked-thread checker of its own
            redeployAndCheck(application, name -> name.startsWith("redis-") || name.equals("vertx-blocked-thread-checker"));
            assertThat(application.setTimer(1, id -> { })).as("the application's Vert.x still runs").isNotNegative();
        } finally {
            ApplicationVertx.instance = null;
            application.close().toCompletionStage().toCompletableFuture().get(BOUND.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    private void redeployAndCheck(Vertx application, Predicate<String> libraryThread) throws Exception {
        RedisServer server = REDIS.server();
        try (RequestThread requests = new RequestThread()) {
            assertThat(requests.nettyState()).as("Netty state on %s before any deployment", requests).isNull();
            Set<Thread> threadsBefore = Threads.alive();
            long connectionsBefore = connections(server);
            Map<String, Long> heapBefore = HeapCensus.of(CLIENT_CLASSES::contains);
            Map<String, Long> afterFirst = null;
            for (int round = 1; round <= REDEPLOYMENTS; round++) {
                deployUseAndUndeploy(application, requests, "redeploy:" + round + ":" + UUID.randomUUID() + ":", heapBefore);

                assertThat(Threads.leftSince(threadsBefore, libraryThread, BOUND)).as("threads left after undeploy %d", round).isEmpty();
                assertThat(connectionsOnceBackTo(server, connectionsBefore)).as("connections after undeploy %d", round).isEqualTo(connectionsBefore);
                assertThat(HeapCensus.once(CLIENT_CLASSES::contains, heapBefore::equals, BOUND))
                        .as("live clients and Vert.x instances after undeploy %d (before the first: %s)", round, heapBefore).isEqualTo(heapBefore);
                assertThat(requests.nettyState()).as("Netty state left on %s after undeploy %d", requests, round).isNull();
                // every object of the library or the driver, not only the clients: whatever one deployment leaves adds up
                Map<String, Long> everything = HeapCensus.of(HeapCensus::libraryOrDriver);
                if (afterFirst == null) {
                    afterFirst = everything; // the classes' static state exists from the first deployment on
                } else {
                    assertThat(HeapCensus.grownBeyond(afterFirst, everything, LATE_LINKED)).as("classes of the library or the driver with "
                            + "more live objects after undeploy %d than after the first", round).isEmpty();
                }
            }
        }
    }

    /** One deployment: boots the container, makes every kind of call on the request thread, stops it. */
    private void deployUseAndUndeploy(Vertx application, RequestThread requests, String prefix, Map<String, Long> heapBefore) throws Exception {
        ChannelObserver.HEARD.clear();
        CompletableFuture<KeyValue<String, String>> leftBlocked;
        try (TestConfig config = TestConfig.of("redis.hosts", REDIS.server().uri(), "redis.events.channels", EVENTS_CHANNEL)) {
            WeldContainer container = application == null ? Containers.boot(ChannelObserver.class)
                    : Containers.boot(ChannelObserver.class, ApplicationVertx.class);
            try {
                RedisClient redis = container.select(RedisClient.class).get();
                BlockingRedisClient blocking = container.select(BlockingRedisClient.class).get();
                leftBlocked = requests.call(() -> new OneOfEachCall(redis, blocking, REDIS.server(), prefix).run(EVENTS_CHANNEL, ChannelObserver.HEARD),
                        BOUND.multipliedBy(6));
                // the census sees the running deployment's objects, so it would see those an undeploy leaves
                Map<String, Long> deployed = HeapCensus.of(CLIENT_CLASSES::contains);
                assertThat(HeapCensus.grownBeyond(heapBefore, deployed, 0).keySet()).as("classes with more live objects while deployed: %s", deployed)
                        .containsExactlyInAnyOrderElementsOf(application == null ? CLIENT_CLASSES : CLIENT_CLASSES.subList(0, 4));
            } finally {
                container.shutdown();
            }
        }
        // the pop still blocked when the container stopped fails, rather than hold its connection or its caller
        assertThatThrownBy(() -> leftBlocked.get(BOUND.toMillis(), TimeUnit.MILLISECONDS)).as("the pop left blocked at shutdown")
                .isInstanceOf(ExecutionException.class).hasCauseInstanceOf(RedisException.class);
    }



    /** The connections Redis counts once they are {@code expected}, or after the bound; the CLIENT LIST in the failure. */
    private static long connectionsOnceBackTo(RedisServer server, long expected) throws InterruptedException {
        return Eventually.get(BOUND, () -> {
            String clients = server.command("CLIENT", "LIST");
            long count = clients.lines().filter(line -> !line.isBlank()).count();
            if (count != expected) {
                throw new IllegalStateException("Redis counts " + count + " connections, " + expected + " before the deployments:\n" + clients);
            }
            return count;
        });
    }

    private static long connections(RedisServer server) {
        return server.command("CLIENT", "LIST").lines().filter(line -> !line.isBlank()).count();
    }

    /** The application's observer of {@code redis.events.channels}. */
    @ApplicationScoped
    static class ChannelObserver {
        static final LinkedBlockingQueue<String> HEARD = new LinkedBlockingQueue<>();

        void on(@Observes RedisMessage message) {
            HEARD.add(message.payloadAsString());
        }
    }

    /** The application's own Vert.x, which the library uses instead of creating one. */
    @ApplicationScoped
    static class ApplicationVertx {
        static volatile Vertx instance;

        @Produces
        Vertx vertx() {
            return instance;
        }
    }
}
