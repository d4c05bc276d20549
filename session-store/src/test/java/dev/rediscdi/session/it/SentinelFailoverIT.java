package dev.rediscdi.session.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.rediscdi.testing.RedisSentinelGroup;
import dev.rediscdi.testing.RedisServer;

/** Sessions on a Sentinel group: they survive a failover (kill -9 of the primary), and both instances keep serving. */
class SentinelFailoverIT {
    private static final long BOUND_MILLIS = 20_000;
    private final TestEnvironment environment = TestEnvironment.get();

    @Test
    void shouldKeepReplicatedSessionsAcrossAFailoverAndServeNewOnes() throws Exception {
        RedisSentinelGroup group = environment.sentinel;
        Map<String, String> settings = WebInstance.settings("redis-session.client", "sentinel", "redis-session.key-prefix", "sf:");
        try (WebInstance a = WebInstance.jetty(settings); WebInstance b = WebInstance.tomcat(settings)) {
            List<Browser> users = new ArrayList<>();
            for (int i = 0; i < 10; i++) {
                Browser user = new Browser();
                assertThat(user.get(a.uri("login?value=user" + i))).isEqualTo("welcome user" + i);
                users.add(user);
            }
            // replication is asynchronous: what a failover keeps is what reached a replica before it
            RedisServer primary = group.primary();
            String onPrimary = primary.command("DBSIZE");
            for (RedisServer replica : group.replicas()) {
                awaitEqual(() -> replica.command("DBSIZE"), onPrimary, "keys on replica " + replica.port());
            }

            group.failover();
            try {
                for (int i = 0; i < users.size(); i++) {
                    assertThat(awaitAnswer(users.get(i), b.uri("whoami"))).as("user %d read on B after the failover", i).isEqualTo("user" + i);
                    assertThat(awaitAnswer(users.get(i), a.uri("whoami"))).as("user %d read on A after the failover", i).isEqualTo("user" + i);
                }
                Browser newcomer = new Browser();
                assertThat(awaitAnswer(newcomer, a.uri("login?value=after"))).isEqualTo("welcome after");
                assertThat(newcomer.get(b.uri("whoami"))).as("a session written to the new primary").isEqualTo("after");
            } finally {
                group.restartStoppedNodes();
            }
        }
    }

    /** The body of the first 200 answer: while the client follows the failover, answers may be 503 for a while. */
    private static String awaitAnswer(Browser user, URI uri) throws InterruptedException {
        long deadline = System.currentTimeMillis() + BOUND_MILLIS;
        HttpResponse<String> last = null;
        for (int tries = 0; tries < 1_000 && System.currentTimeMillis() < deadline; tries++) {
            last = user.send(uri);
            if (last.statusCode() == 200) {
                return last.body();
            }
            assertThat(last.statusCode()).as("only 503 while the client follows the failover: %s", last.body()).isEqualTo(503);
            Thread.sleep(100);
        }
        throw new AssertionError(uri + " did not answer 200 within " + BOUND_MILLIS + " ms; last: " + (last == null ? "none" : last.statusCode() + " " + last.body()));
    }

    private static void awaitEqual(java.util.function.Supplier<String> actual, String expected, String what) throws InterruptedException {
        long deadline = System.currentTimeMillis() + BOUND_MILLIS;
        String seen = null;
        for (int tries = 0; tries < 1_000 && System.currentTimeMillis() < deadline; tries++) {
            seen = actual.get();
            if (expected.equals(seen)) {
                return;
            }
            Thread.sleep(50);
        }
        throw new AssertionError(what + ": " + seen + ", expected " + expected);
    }
}
