package dev.rediscdi.sample.quarkus;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import dev.rediscdi.testing.RedisServer;

/**
 * The packaged sample while its Redis goes away and comes back, with the fault-tolerance settings of its
 * application.properties: 503 with Retry-After while Redis is down (at once once the breaker is open), everything
 * working again after the restart without restarting the application, the browser's notification stream included.
 */
class RedisOutageIT {

    private static final Duration RECOVERY = Duration.ofSeconds(20);

    @TempDir
    Path temp;

    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void shouldAnswer503WhileRedisIsDownAndRecoverByItself() throws Exception {
        try (RedisServer redis = RedisServer.builder().start();
                SampleProcess app = SampleProcess.start(SampleProcess.freePort(), temp.resolve("app.log"), Map.of("REDIS_HOSTS", redis.uri()));
                ServerSentEvents browser = new ServerSentEvents(URI.create(app.baseUri() + "/notifications"))) {
            assertThat(browser.next(Duration.ofSeconds(10))).isEqualTo("connected");
            assertThat(app.send("GET", "/leaderboards/outage").statusCode()).isEqualTo(200);

            redis.stop();
            List<HttpResponse<String>> whileDown = new ArrayList<>();
            for (int i = 0; i < 15; i++) {
                whileDown.add(app.send("GET", "/leaderboards/outage"));
            }

            assertThat(whileDown).as(app.output()).allSatisfy(response -> {
                assertThat(response.statusCode()).isEqualTo(503);
                assertThat(response.headers().firstValue("Retry-After")).contains("2");
            });
            assertThat(whileDown.get(whileDown.size() - 1).body()).contains("RedisCircuitOpenException");

            redis.restart();
            awaitStatus(app, "/leaderboards/outage", 200);
            // the group went with the data (no persistence): the queue creates it again
            assertThat(app.send("POST", "/jobs/claims?worker=w1").statusCode()).isEqualTo(200);
            // the application subscribed again by itself: a message reaches the browser that stayed connected
            assertThat(awaitNotification(app, browser, "back after the outage")).isTrue();
        }
    }

    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void shouldStartWithoutRedisAndWorkOnceItIsThere() throws Exception {
        try (RedisServer redis = RedisServer.builder().start()) {
            redis.stop(); // its port stays reserved for the restart below
            try (SampleProcess app = SampleProcess.start(SampleProcess.freePort(), temp.resolve("app.log"), Map.of("REDIS_HOSTS", redis.uri()))) {
                assertThat(app.output()).contains("Redis does not answer yet").contains(SampleProcess.READY);
                assertThat(app.send("GET", "/leaderboards/early").statusCode()).isEqualTo(503);

                redis.restart();

                awaitStatus(app, "/leaderboards/early", 200);
                assertThat(app.send("POST", "/jobs/claims?worker=w1").statusCode()).as(app.output()).isEqualTo(200);
                try (ServerSentEvents browser = new ServerSentEvents(URI.create(app.baseUri() + "/notifications"))) {
                    assertThat(browser.next(RECOVERY)).as("the application subscribed once Redis was there").isEqualTo("connected");
                    app.send("POST", "/notifications", "first news");
                    assertThat(browser.next(Duration.ofSeconds(10))).isEqualTo("first news");
                }
            }
        }
    }

    private static void awaitStatus(SampleProcess app, String path, int status) throws Exception {
        long deadline = System.nanoTime() + RECOVERY.toNanos();
        int last = -1;
        while (System.nanoTime() < deadline) {
            last = app.send("GET", path).statusCode();
            if (last == status) {
                return;
            }
            Thread.sleep(250);
        }
        throw new AssertionError(path + " answered " + last + ", not " + status + ", " + RECOVERY.toSeconds() + " s after Redis came back:\n" + app.output());
    }

    /** Publishes every 500 ms (bounded) until the message arrives: the resubscription takes a moment after the restart. */
    private static boolean awaitNotification(SampleProcess app, ServerSentEvents browser, String message) throws Exception {
        long deadline = System.nanoTime() + RECOVERY.toNanos();
        while (System.nanoTime() < deadline) {
            app.send("POST", "/notifications", message);
            for (String event = browser.poll(Duration.ofMillis(500)); event != null; event = browser.poll(Duration.ofMillis(50))) {
                if (event.equals(message)) {
                    return true;
                }
            }
        }
        return false;
    }

}
