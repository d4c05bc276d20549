package dev.rediscdi.session.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import dev.rediscdi.testing.RedisServer;

/** Redis down, Redis Cluster, and the Redis round trips each kind of request costs. */
class TopologyAndRoundTripsIT {
    /** Commands the store's script runs inside Redis; every other command is a round trip of its own. */
    private static final Set<String> INSIDE_SCRIPT = Set.of("time", "hmget", "hset", "hget", "hgetall", "pexpireat", "persist",
            "exists", "rename", "zrem", "zadd", "hdel", "del", "zrangebyscore");
    private final TestEnvironment environment = TestEnvironment.get();

    @Test
    void shouldAnswer503AndWriteNothingWhileRedisIsDown() throws Exception {
        RedisServer fragile = environment.fragile;
        try (WebInstance app = WebInstance.jetty(WebInstance.settings("redis-session.client", "fragile", "redis-session.key-prefix", "down:"))) {
            Browser user = new Browser();
            user.get(app.uri("login?value=grace"));
            String keysBefore = fragile.command("KEYS", "down:*");
            fragile.stop();
            try {
                HttpResponse<String> read = user.send(app.uri("whoami"));
                assertThat(read.statusCode()).isEqualTo(503);
                Browser newcomer = new Browser();
                int eventsBefore = app.events.seen.size();
                HttpResponse<String> created = newcomer.send(app.uri("login?value=heidi"));
                assertThat(created.statusCode()).isEqualTo(503);
                assertThat(Browser.sessionCookie(created)).as("no cookie for a session that was not stored").isEmpty();
                String id = app.events.seen.subList(eventsBefore, app.events.seen.size()).stream().filter(event -> event.startsWith("created:"))
                        .map(event -> event.substring("created:".length())).findFirst().orElseThrow();
                Eventually.until(Duration.ofSeconds(5), () -> app.events.contains("destroyed:" + id + ":heidi"),
                        "sessionDestroyed, with its attributes, of the session the failed request created and could not store");
            } finally {
                fragile.restart();
            }
            // the restarted server keeps no data (no persistence in tests): nothing may have been written while it was down
            assertThat(keysBefore).isNotEmpty();
            assertThat(fragile.command("KEYS", "down:*")).as("nothing half-written").isEmpty();
            assertThat(new Browser().get(app.uri("login?value=ivan"))).as("served again once Redis is back").isEqualTo("welcome ivan");
        }
    }

    @Test
    void shouldRotateIdsOnRedisClusterWithoutCrossSlotErrors() throws Exception {
        Map<String, String> settings = WebInstance.settings("redis-session.client", "cluster", "redis-session.key-prefix", "cl:");
        try (WebInstance a = WebInstance.jetty(settings); WebInstance b = WebInstance.tomcat(settings)) {
            for (int user = 0; user < 8; user++) {
                Browser browser = new Browser();
                browser.get(a.uri("login?value=user" + user));
                String first = browser.sessionId();
                for (int rotation = 0; rotation < 3; rotation++) {
                    browser.get((rotation % 2 == 0 ? b : a).uri("rotate"));
                }
                assertThat(browser.sessionId()).isNotEqualTo(first).startsWith(first.substring(0, 1));
                assertThat(browser.get(b.uri("whoami"))).isEqualTo("user" + user);
                Browser old = new Browser();
                old.sessionId(first);
                assertThat(old.get(a.uri("whoami"))).isEqualTo("anonymous");
            }
        }
    }

    @Test
    void shouldAnswerARepeatedReadOnTheSameInstanceWithoutRoundTripAndWriteInOne() throws Exception {
        RedisServer counted = environment.counted;
        try (WebInstance app = WebInstance.jetty(WebInstance.settings("redis-session.client", "counted", "redis-session.key-prefix", "rtc:",
                "redis-session.sweep-interval", "1h"))) {
            Browser user = new Browser();
            warmUp(app);
            InvalidationConnections.awaitTracking(counted, 1);
            assertThat(roundTrips(() -> user.get(app.uri("noop")))).as("no session, no cookie").isZero();
            assertThat(roundTrips(() -> user.get(app.uri("set?name=a&value=1")))).as("new session with one attribute").isEqualTo(1);
            awaitOwnWriteAnnounced();
            assertThat(roundTrips(() -> assertThat(user.get(app.uri("get?name=a"))).isEqualTo("1")))
                    .as("read-only, first read after this instance's write: the state the write left").isZero();
            assertThat(fewestRoundTrips(() -> user.get(app.uri("get?name=a")))).as("read-only, repeated on the same instance").isZero();
            assertThat(fewestRoundTrips(() -> {
                user.get(app.uri("get?name=a"));
                user.get(app.uri("set?name=a&value=2"));
            })).as("one attribute changed, session cached: the write alone").isEqualTo(1);
            awaitOwnWriteAnnounced();
            assertThat(roundTrips(() -> user.get(app.uri("set?name=a&value=3")))).as("changed right after a write: the write alone").isEqualTo(1);
            awaitOwnWriteAnnounced();
            assertThat(roundTrips(() -> assertThat(user.get(app.uri("get?name=a"))).isEqualTo("3"))).as("and read from the state it left").isZero();
            counted.command("HSET", "rtc:s:{" + user.sessionId().charAt(0) + "}" + user.sessionId(), "=zz", "x");
            awaitOwnWriteAnnounced();
            assertThat(roundTrips(() -> user.get(app.uri("get?name=a")))).as("changed in Redis by someone else: read again").isEqualTo(1);
            user.get(app.uri("cart-add?value=x"));
            awaitOwnWriteAnnounced();
            assertThat(roundTrips(() -> user.get(app.uri("get?name=cart")))).as("mutable value read, unchanged: no write").isZero();
            assertThat(fewestRoundTrips(() -> user.get(app.uri("get?name=cart")))).as("and again, cached").isZero();
        }
    }

    @Test
    void shouldNeedOneRoundTripPerReadAndOneMoreOnlyWhenSomethingChangedWithoutLocalCache() throws Exception {
        try (WebInstance app = WebInstance.jetty(WebInstance.settings("redis-session.client", "counted", "redis-session.key-prefix", "rt:",
                "redis-session.sweep-interval", "1h", "redis-session.local-cache", "off"))) {
            Browser user = new Browser();
            warmUp(app);
            assertThat(roundTrips(() -> user.get(app.uri("noop")))).as("no session, no cookie").isZero();
            assertThat(roundTrips(() -> user.get(app.uri("set?name=a&value=1")))).as("new session with one attribute").isEqualTo(1);
            assertThat(roundTrips(() -> user.get(app.uri("get?name=a")))).as("read-only").isEqualTo(1);
            assertThat(roundTrips(() -> user.get(app.uri("get?name=a")))).as("read-only, repeated").isEqualTo(1);
            assertThat(roundTrips(() -> user.get(app.uri("set?name=a&value=2")))).as("one attribute changed").isEqualTo(2);
            assertThat(roundTrips(() -> user.get(app.uri("set?name=a&value=2")))).as("same value set again: written").isEqualTo(2);
            user.get(app.uri("cart-add?value=x"));
            assertThat(roundTrips(() -> user.get(app.uri("get?name=cart")))).as("mutable value read, unchanged: no write").isEqualTo(1);
        }
    }

    /**
     * Redis announces this instance's write to its tracking connection asynchronously; until that message arrived
     * the state the write left is not used (one more read, never a stale one). On a loaded machine it may take a while.
     */
    private static void awaitOwnWriteAnnounced() throws InterruptedException {
        Thread.sleep(200);
    }

    /** Connects the client, loads the script into Redis and, where the store caches, lets it start tracking. */
    private static void warmUp(WebInstance app) {
        Browser warm = new Browser();
        warm.get(app.uri("set?name=warm&value=up"));
        warm.get(app.uri("get?name=warm"));
    }

    /**
     * The fewest round trips of up to five runs of {@code requests} (the first run that needs none ends it). Redis
     * tells this instance about its own last write too, asynchronously: a copy read just before that message is
     * processed is dropped, and the next read reads again. That costs a round trip, never a stale read.
     */
    private long fewestRoundTrips(Runnable requests) {
        long fewest = Long.MAX_VALUE;
        for (int run = 0; run < 5 && fewest > 0; run++) {
            fewest = Math.min(fewest, roundTrips(requests));
        }
        return fewest;
    }

    private long roundTrips(Runnable request) {
        Map<String, Long> before = commandStats();
        request.run();
        Map<String, Long> after = commandStats();
        long trips = 0;
        for (Map.Entry<String, Long> entry : after.entrySet()) {
            if (!INSIDE_SCRIPT.contains(entry.getKey()) && !entry.getKey().equals("info")) {
                trips += entry.getValue() - before.getOrDefault(entry.getKey(), 0L);
            }
        }
        return trips;
    }

    private Map<String, Long> commandStats() {
        Map<String, Long> calls = new HashMap<>();
        Matcher matcher = Pattern.compile("cmdstat_([a-z|]+):calls=(\\d+)").matcher(environment.counted.command("INFO", "commandstats"));
        while (matcher.find()) {
            calls.put(matcher.group(1), Long.parseLong(matcher.group(2)));
        }
        return calls;
    }
}
