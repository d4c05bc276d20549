package dev.rediscdi.session.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectOutputStream;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import dev.rediscdi.RedisClient;
import dev.rediscdi.session.hostile.Evil;

/** The absolute timeout, and {@code on-unreadable-attribute=invalidate}, end to end. */
class ExpiryAndUnreadableIT {
    private final TestEnvironment environment = TestEnvironment.get();

    @Test
    void shouldEndAnActiveSessionAtItsAbsoluteTimeout() throws Exception {
        try (WebInstance app = WebInstance.jetty(WebInstance.settings("redis-session.key-prefix", "abs:", "redis-session.idle-timeout", "3s",
                "redis-session.absolute-timeout", "4s", "redis-session.sweep-interval", "200ms"))) {
            Browser user = new Browser();
            long start = System.nanoTime();
            user.get(app.uri("login?value=olga"));
            String id = user.sessionId();
            long[] endedAfterMillis = { -1 };
            // a request every 200 ms: the idle timeout (3 s) never elapses, only the absolute one (4 s) can end the session
            Eventually.until(Duration.ofSeconds(15), () -> {
                if (user.get(app.uri("whoami")).equals("anonymous")) {
                    endedAfterMillis[0] = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
                    return true;
                }
                sleep(200);
                return false;
            }, "the absolute timeout ends a session in use");
            assertThat(endedAfterMillis[0]).as("not before its absolute timeout").isGreaterThanOrEqualTo(4_000);
            Eventually.until(Duration.ofSeconds(10), () -> app.events.contains("destroyed:" + id), "sessionDestroyed of the ended session");
        }
    }

    @Test
    void shouldInvalidateASessionHoldingAnUnreadableValueWhenConfiguredTo() throws Exception {
        String prefix = "unread:";
        // without local copies: the next read must meet what the test wrote behind the store's back, not a copy whose
        // invalidation by Redis may still be in flight (a window the README states, and LocalCacheIT covers)
        try (WebInstance app = WebInstance.tomcat(WebInstance.settings("redis-session.key-prefix", prefix,
                "redis-session.on-unreadable-attribute", "invalidate", "redis-session.local-cache", "off"))) {
            Evil.triggered = false;
            RedisClient redis = environment.weld.select(RedisClient.class).get();
            Browser user = new Browser();
            user.get(app.uri("set?name=ok&value=kept"));
            assertThat(user.get(app.uri("get?name=ok"))).isEqualTo("kept");
            String oldId = user.sessionId();
            String key = prefix + "s:{" + oldId.charAt(0) + "}" + oldId;
            redis.send("HSET", key, "=bad", serialize(new Evil())).toCompletableFuture().get(5, TimeUnit.SECONDS);

            HttpResponse<String> response = user.send(app.uri("get?name=ok"));
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.body()).as("the whole session is gone, not just the bad value").isEqualTo("no session");
            assertThat(redis.send("EXISTS", key).toCompletableFuture().get(5, TimeUnit.SECONDS).toInteger()).as("deleted in Redis").isZero();
            assertThat(user.get(app.uri("set?name=ok&value=again"))).isEqualTo("ok");
            assertThat(user.sessionId()).as("a fresh session, never the old id").isNotEqualTo(oldId);
            assertThat(Evil.triggered).as("no readObject of a class outside the allow-list ran").isFalse();
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    private static byte[] serialize(Object value) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(value);
        }
        return bytes.toByteArray();
    }
}
