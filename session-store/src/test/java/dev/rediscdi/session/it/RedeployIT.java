package dev.rediscdi.session.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import org.junit.jupiter.api.Test;

import dev.rediscdi.NamedRedisClient;
import dev.rediscdi.RedisClient;
import dev.rediscdi.testing.RedisServer;

/**
 * A web application whose sessions are cached locally ({@code redis-session.local-cache=tracking}) stopped and started
 * again, on Jetty, Tomcat and Undertow in turn: each stop ends its expiry sweeper's thread and the invalidation
 * listener's Vert.x instance and connection, which would otherwise pile up, one set per redeployment, in a server that
 * keeps running. Threads and connections are counted, not the objects left on the heap: the tests' web instances share
 * one CDI container, whose Weld Servlet keeps every servlet context it saw (a server gives each application a
 * container of its own, gone with it), and with it the stopped application's store.
 */
class RedeployIT {
    private static final Duration BOUND = Duration.ofSeconds(10);
    /** Vert.x starts one per instance: the listener's Vert.x is the only one a web instance adds. */
    private static final String VERTX_CHECKER = "vertx-blocked-thread-checker";
    private static final Map<String, String> SETTINGS = WebInstance.settings("redis-session.client", "counted", "redis-session.key-prefix",
            "redeploy:", "redis-session.local-cache", "tracking", "redis-session.sweep-interval", "200ms");
    private final RedisServer redis = TestEnvironment.get().counted;

    @Test
    void shouldLeaveNoSweeperNoListenerVertxAndNoInvalidationConnectionAfterEachStop() throws Exception {
        // the shared clients' Vert.x exists before the census: the instances use it, and it stays
        RedisClient shared = TestEnvironment.get().weld.select(RedisClient.class, NamedRedisClient.Literal.of("counted")).get();
        shared.send("PING").toCompletableFuture().get(BOUND.toSeconds(), TimeUnit.SECONDS);
        int connectionsBefore = InvalidationConnections.ids(redis).size();
        long checkersBefore = threads(VERTX_CHECKER::equals).size();
        for (String container : List.of("jetty", "tomcat", "undertow")) {
            deployUseAndStop(container, connectionsBefore, checkersBefore);

            Eventually.until(BOUND, () -> threads(RedeployIT::sweeper).isEmpty(), "no sweeper thread after " + container
                    + " stopped (right after the stop: " + threads(RedeployIT::sweeper) + ")");
            Eventually.until(BOUND, () -> threads(VERTX_CHECKER::equals).size() == checkersBefore, "the listener's Vert.x stopped after "
                    + container + " stopped");
            Eventually.until(BOUND, () -> InvalidationConnections.ids(redis).size() == connectionsBefore, "no invalidation connection after "
                    + container + " stopped (right after the stop:\n" + redis.command("CLIENT", "LIST") + ")");
        }
    }

    /** One deployment, used until its sweeper and invalidation listener run, then stopped. */
    private void deployUseAndStop(String container, int connectionsBefore, long checkersBefore) throws Exception {
        try (WebInstance instance = WebInstance.on(container, SETTINGS)) {
            Browser user = new Browser();
            user.get(instance.uri("set?name=n&value=" + container));
            assertThat(user.get(instance.uri("get?name=n"))).isEqualTo(container);
            InvalidationConnections.awaitTracking(redis, connectionsBefore + 1);
            // what the checks after the stop count is there while the application runs
            assertThat(threads(RedeployIT::sweeper)).as("sweeper threads on %s", container).hasSize(1);
            assertThat(threads(VERTX_CHECKER::equals)).as("Vert.x instances running on %s", container).hasSize((int) checkersBefore + 1);
        }
    }

    private static boolean sweeper(String name) {
        return name.startsWith("redis-session-sweeper");
    }

    private static List<String> threads(Predicate<String> named) {
        return Thread.getAllStackTraces().keySet().stream().filter(Thread::isAlive).map(Thread::getName).filter(named).toList();
    }
}
