package dev.rediscdi.session.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectOutputStream;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import dev.rediscdi.RedisClient;
import dev.rediscdi.session.hostile.Evil;
import dev.rediscdi.session.hostile.Outside;

/** Concurrent requests on one session, and hostile input: cookies, stored payloads. One Jetty instance. */
class ConcurrencyAndSecurityIT {
    private static final String PREFIX = "sec:";
    private static WebInstance app;
    private static WebInstance strict;
    private final TestEnvironment environment = TestEnvironment.get();

    @BeforeAll
    static void start() {
        app = WebInstance.jetty(WebInstance.settings("redis-session.key-prefix", PREFIX));
        strict = WebInstance.tomcat(WebInstance.settings("redis-session.key-prefix", PREFIX, "redis-session.cookie.secure", "true"));
    }

    @AfterAll
    static void stop() throws Exception {
        app.close();
        strict.close();
    }

    @Test
    void shouldLoseNoneOfFiftyParallelRequestsSettingTheirOwnAttribute() throws Exception {
        Browser user = new Browser();
        user.get(app.uri("set?name=start&value=0"));
        ExecutorService pool = Executors.newFixedThreadPool(50);
        try {
            List<Future<String>> answers = new ArrayList<>();
            for (int i = 0; i < 50; i++) {
                int n = i;
                answers.add(pool.submit(() -> user.get(app.uri("set?name=a" + n + "&value=" + n))));
            }
            for (Future<String> answer : answers) {
                assertThat(answer.get(60, TimeUnit.SECONDS)).isEqualTo("ok");
            }
        } finally {
            pool.shutdownNow();
        }
        String names = user.get(app.uri("names"));
        for (int i = 0; i < 50; i++) {
            assertThat(names.split(",")).contains("a" + i);
        }
        assertThat(user.get(app.uri("get?name=a42"))).isEqualTo("42");
    }

    @Test
    void shouldSaveAnAttributeMutatedInPlace() {
        Browser user = new Browser();
        user.get(app.uri("cart-add?value=apple"));
        user.get(app.uri("cart-add?value=pear"));
        user.get(app.uri("cart-add?value=plum"));
        assertThat(user.get(app.uri("get?name=cart"))).isEqualTo("[apple, pear, plum]");
    }

    @Test
    void shouldNotLetARequestThatOnlyReadASetUndoAConcurrentAdditionToIt() throws Exception {
        Browser user = new Browser();
        user.get(app.uri("tag?name=tags&value=red"));
        String gate = "read-tags-" + System.nanoTime();
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try {
            // a page that only shows the tags, still running when an AJAX call of the same user adds one in place
            Future<String> reader = pool.submit(() -> user.get(app.uri("get?name=tags&gate=" + gate)));
            Gates.awaitReached(gate);
            assertThat(user.get(app.uri("tag?name=tags&value=blue"))).isEqualTo("ok");
            Gates.open(gate);
            assertThat(reader.get(30, TimeUnit.SECONDS)).isEqualTo("[red]");
        } finally {
            pool.shutdownNow();
        }
        assertThat(user.get(app.uri("get?name=tags"))).as("the reader changed nothing, so it wrote nothing back").contains("blue");
    }

    @Test
    void shouldKeepTheMaxInactiveIntervalAConcurrentRequestSet() throws Exception {
        Browser user = new Browser();
        user.get(app.uri("set?name=a&value=1"));
        String key = PREFIX + "s:{" + user.sessionId().charAt(0) + "}" + user.sessionId();
        String gate = "set-b-" + System.nanoTime();
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try {
            // a request changing an attribute, still running when another request of the user extends the timeout
            Future<String> writer = pool.submit(() -> user.get(app.uri("set?name=b&value=2&gate=" + gate)));
            Gates.awaitReached(gate);
            assertThat(user.get(app.uri("max-inactive?value=7200"))).isEqualTo("ok");
            assertThat(environment.standalone.command("HGET", key, "#i").trim()).isEqualTo("7200");
            Gates.open(gate);
            assertThat(writer.get(30, TimeUnit.SECONDS)).isEqualTo("ok");
        } finally {
            pool.shutdownNow();
        }
        assertThat(user.get(app.uri("get?name=b"))).isEqualTo("2");
        assertThat(environment.standalone.command("HGET", key, "#i").trim())
                .as("the other request never called setMaxInactiveInterval: it keeps the interval set meanwhile").isEqualTo("7200");
    }

    /**
     * A page's AJAX call still running when the user logs in, which rotates the id: the call's write to the id
     * before the login is dropped (the id a fixation attack could have planted never writes into the logged-in
     * session), and its response leaves the browser's cookie, now the new id, alone.
     */
    @Test
    void shouldDropTheWriteOfARequestStillRunningWithTheIdBeforeARotationAndKeepTheUserLoggedIn() throws Exception {
        Browser user = new Browser();
        user.get(app.uri("set?name=theme&value=light"));
        String before = user.sessionId();
        String gate = "set-before-rotation-" + System.nanoTime();
        ExecutorService pool = Executors.newSingleThreadExecutor();
        HttpResponse<String> late;
        try {
            Future<HttpResponse<String>> call = pool.submit(() -> user.send(app.uri("set?name=theme&value=dark&gate=" + gate)));
            Gates.awaitReached(gate);
            assertThat(user.get(app.uri("login-rotated?value=uma"))).isNotEqualTo(before);
            String rotated = user.sessionId();
            Gates.open(gate);
            late = call.get(30, TimeUnit.SECONDS);
            assertThat(user.sessionId()).as("the late response did not change the browser's cookie").isEqualTo(rotated);
        } finally {
            pool.shutdownNow();
        }
        assertThat(late.statusCode()).isEqualTo(200);
        assertThat(Browser.setCookies(late)).as("no cookie on the late response: ending one would log the user out").isEmpty();
        assertThat(user.get(app.uri("whoami"))).isEqualTo("uma");
        assertThat(user.get(app.uri("get?name=theme"))).as("the write to the id before the rotation was dropped").isEqualTo("light");
        assertThat(environment.standalone.command("EXISTS", PREFIX + "s:{" + before.charAt(0) + "}" + before).trim())
                .as("the id before the rotation is not brought back").isEqualTo("0");
    }

    @Test
    void shouldGiveAFreshSessionForEachOfTwoHundredMalformedCookies() {
        long keysBefore = keyCount();
        List<String> hostile = new ArrayList<>(List.of("", " ", "*", "{}", "{a}", "..", "../../etc/passwd", "\u00e9t\u00e9",
                "x".repeat(4096), "%00", "null", "s:{A}", "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA*", "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA",
                "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA", "life:s:{A}x", "\"quoted\"", "a b", "a\tb", "\u2603", "a\r\nSet-Cookie: x=1",
                "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA\n"));
        for (int i = hostile.size(); i < 200; i++) {
            String encoded = Base64.getEncoder().encodeToString(("payload-" + i + "-{*}-" + "x".repeat(i % 40)).getBytes());
            hostile.add(encoded.substring(0, Math.min(encoded.length(), 8 + i % 40)));
        }
        Set<String> issued = new HashSet<>();
        for (String value : hostile) {
            if (!value.chars().allMatch(c -> c > 0x20 && c < 0x7f)) {
                String head = Browser.sendRawCookie(app.uri("new"), value.getBytes(java.nio.charset.StandardCharsets.UTF_8));
                assertThat(head).as("raw cookie %s", value.length() > 40 ? value.substring(0, 40) : value).doesNotStartWith("HTTP/1.1 5");
                java.util.regex.Matcher id = java.util.regex.Pattern.compile("SESSION=([^;\\r]*)").matcher(head);
                if (head.startsWith("HTTP/1.1 200")) {
                    assertThat(id.find()).isTrue();
                    assertThat(id.group(1)).matches("[A-Za-z0-9_-]{32}");
                    issued.add(id.group(1));
                }
                continue;
            }
            HttpResponse<String> response = Browser.sendWithCookieHeader(app.uri("new"), "SESSION=" + value.replace("\n", ""));
            assertThat(response.statusCode()).as("cookie %s", value.length() > 40 ? value.substring(0, 40) + "..." : value).isBetween(200, 499);
            if (response.statusCode() == 200) {
                String cookie = Browser.sessionCookie(response).orElseThrow();
                String id = cookie.substring("SESSION=".length(), cookie.indexOf(';'));
                assertThat(id).isNotEqualTo(value).matches("[A-Za-z0-9_-]{32}");
                issued.add(id);
            }
        }
        assertThat(issued).hasSizeGreaterThan(150);
        assertThat(keys()).allMatch(key -> key.startsWith(PREFIX) || !key.startsWith("sec"), "every key of this store lies under its prefix");
        assertThat(keyCount() - keysBefore).isLessThanOrEqualTo(issued.size() + 64);
    }

    @Test
    void shouldDrawIdsOfAtLeast128RandomBitsAndNeverRepeatThem() {
        Set<String> ids = new HashSet<>();
        int[] ones = new int[192];
        for (int i = 0; i < 300; i++) {
            HttpResponse<String> response = Browser.sendWithCookieHeader(app.uri("new"), "other=1");
            String cookie = Browser.sessionCookie(response).orElseThrow();
            String id = cookie.substring("SESSION=".length(), cookie.indexOf(';'));
            assertThat(ids.add(id)).isTrue();
            byte[] bits = Base64.getUrlDecoder().decode(id);
            assertThat(bits).hasSize(24);
            for (int bit = 0; bit < 192; bit++) {
                if ((bits[bit / 8] >> (bit % 8) & 1) == 1) {
                    ones[bit]++;
                }
            }
        }
        for (int bit = 0; bit < 192; bit++) {
            assertThat(ones[bit]).as("bit %d set in about half of 300 ids", bit).isBetween(90, 210);
        }
    }

    @Test
    void shouldWriteASecureHttpOnlySameSiteLaxCookieForTheContextPath() {
        HttpResponse<String> response = Browser.sendWithCookieHeader(strict.uri("new"), "other=1");
        String cookie = Browser.sessionCookie(response).orElseThrow();
        assertThat(cookie).containsIgnoringCase("; Path=/").containsIgnoringCase("; Secure").containsIgnoringCase("; HttpOnly")
                .containsIgnoringCase("SameSite=Lax").doesNotContainIgnoringCase("Domain=");
    }

    /** Undertow drops SameSite from a servlet Cookie (Quarkus' quarkus-undertow too): the store writes its own header. */
    @ParameterizedTest
    @ValueSource(strings = { "jetty", "tomcat", "undertow" })
    void shouldWriteTheSameCookieOnEveryContainerAndRotateItThere(String container) throws Exception {
        try (WebInstance instance = WebInstance.on(container, WebInstance.settings("redis-session.key-prefix", PREFIX,
                "redis-session.cookie.secure", "true", "redis-session.cookie.max-age", "3600"))) {
            Browser user = new Browser();
            HttpResponse<String> login = user.send(instance.uri("login?value=uma"));
            assertThat(login.statusCode()).isEqualTo(200);
            String first = user.sessionId();
            assertThat(Browser.setCookies(login)).as("one cookie").hasSize(1);
            assertThat(Browser.sessionCookie(login).orElseThrow()).matches("SESSION=" + first
                    + "; Path=/; Max-Age=3600; Expires=[A-Z][a-z]{2}, \\d{2} [A-Z][a-z]{2} \\d{4} \\d{2}:\\d{2}:\\d{2} GMT; Secure; HttpOnly; SameSite=Lax");
            assertThat(user.get(instance.uri("whoami"))).isEqualTo("uma");

            HttpResponse<String> rotated = user.send(instance.uri("rotate"));
            assertThat(Browser.sessionCookie(rotated).orElseThrow()).startsWith("SESSION=" + user.sessionId() + "; ").endsWith("; SameSite=Lax");
            assertThat(user.sessionId()).isNotEqualTo(first);
            assertThat(user.get(instance.uri("whoami"))).isEqualTo("uma");

            Browser newcomer = new Browser();
            HttpResponse<String> createdAndRotated = newcomer.send(instance.uri("login-rotated?value=vic"));
            assertThat(Browser.setCookies(createdAndRotated)).as("the cookie of the rotated id only").singleElement().asString()
                    .startsWith("SESSION=" + createdAndRotated.body() + "; Path=/; ").endsWith("; SameSite=Lax");
            assertThat(newcomer.get(instance.uri("whoami"))).isEqualTo("vic");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = { "jetty", "tomcat" })
    void shouldEndTheCookieOfAnInvalidatedSessionUnlessANewOneIsCreated(String container) {
        WebInstance instance = container.equals("tomcat") ? strict : app;
        String flags = container.equals("tomcat") ? "; Secure; HttpOnly; SameSite=Lax" : "; HttpOnly; SameSite=Lax";
        Browser user = new Browser();
        HttpResponse<String> login = user.send(instance.uri("login?value=wanda"));
        assertThat(Browser.sessionCookie(login).orElseThrow()).isEqualTo("SESSION=" + user.sessionId() + "; Path=/" + flags);

        HttpResponse<String> relogin = user.send(instance.uri("relogin?value=wanda"));
        assertThat(relogin.body()).isEqualTo("welcome back wanda");
        assertThat(Browser.setCookies(relogin)).as("invalidated, then a new session: the new one's cookie only").singleElement()
                .isEqualTo("SESSION=" + user.sessionId() + "; Path=/" + flags);

        HttpResponse<String> logout = user.send(instance.uri("invalidate"));
        assertThat(logout.body()).isEqualTo("bye");
        assertThat(Browser.setCookies(logout)).as("the browser is told to drop the dead id, with the cookie's own path and flags").singleElement()
                .isEqualTo("SESSION=; Path=/; Max-Age=0; Expires=Thu, 01 Jan 1970 00:00:00 GMT" + flags);
        assertThat(user.sessionId()).as("a browser drops a cookie of Max-Age=0").isNull();
        assertThat(user.get(instance.uri("whoami"))).isEqualTo("anonymous");
    }

    @Test
    void shouldNeverAnswer500ForHostileStoredValues() throws Exception {
        Evil.triggered = false;
        List<byte[]> payloads = new ArrayList<>();
        payloads.add(serialize(new Evil()));
        payloads.add(serialize(List.of(new Evil())));
        payloads.add(serialize(new java.util.HashMap<>(java.util.Map.of("k", new Evil()))));
        payloads.add(serialize(nest(100)));
        payloads.add(serialize(nest(300)));
        payloads.add(serialize(new int[200_000]));
        payloads.add(serialize(new String[150_000]));
        payloads.add(hugeArrayHeader());
        payloads.add(new byte[] { (byte) 0xAC, (byte) 0xED, 0, 5 });
        payloads.add(new byte[] { 1, 2, 3 });
        payloads.add(new byte[0]);
        payloads.add(new byte[2 * 1024 * 1024]);
        payloads.add(serialize(new java.util.Vector<>(List.of(new Evil()))));
        payloads.add(serialize(new Object[] { new Evil() }));
        payloads.add(serialize(Evil.class)); // a Class object outside the allow-list
        payloads.add(serialize(new java.net.URL("http://example.invalid/"))); // outside the allow-list
        payloads.add(serialize(new java.io.File("/etc/passwd")));
        payloads.add(truncate(serialize(new ArrayList<>(List.of("a", "b"))), 20));
        payloads.add(serialize(new Outside()));
        payloads.add(serialize(new java.util.concurrent.atomic.AtomicReference<>(new Evil())));
        assertThat(payloads).hasSize(20);

        RedisClient redis = environment.weld.select(RedisClient.class).get();
        for (int i = 0; i < payloads.size(); i++) {
            Browser user = new Browser();
            user.get(app.uri("set?name=ok&value=kept"));
            String key = PREFIX + "s:{" + user.sessionId().charAt(0) + "}" + user.sessionId();
            redis.send("HSET", key, "=bad", payloads.get(i)).toCompletableFuture().get(5, TimeUnit.SECONDS);
            // the instance holds the state its own write left until Redis' message about this HSET arrives (a few
            // milliseconds at most on a loaded machine): each read meanwhile answers from that state, then one decodes
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            do {
                HttpResponse<String> response = user.send(app.uri("get?name=bad"));
                assertThat(response.statusCode()).as("payload %d", i).isEqualTo(200);
                assertThat(response.body()).as("payload %d", i).isEqualTo("null");
            } while (redis.send("HEXISTS", key, "=bad").toCompletableFuture().get(5, TimeUnit.SECONDS).toInteger() != 0
                    && System.nanoTime() - deadline < 0);
            assertThat(redis.send("HEXISTS", key, "=bad").toCompletableFuture().get(5, TimeUnit.SECONDS).toInteger()).as("payload %d", i).isZero();
            assertThat(user.get(app.uri("names"))).as("dropped, the rest kept").isEqualTo("ok");
        }
        assertThat(Evil.triggered).as("no readObject of a class outside the allow-list ran").isFalse();
    }

    private long keyCount() {
        return Long.parseLong(environment.standalone.command("DBSIZE").trim());
    }

    private List<String> keys() {
        return List.of(environment.standalone.command("KEYS", "*").split("\\R"));
    }

    private static Object nest(int depth) {
        List<Object> root = new ArrayList<>();
        List<Object> current = root;
        for (int i = 0; i < depth; i++) {
            List<Object> next = new ArrayList<>();
            current.add(next);
            current = next;
        }
        return root;
    }

    private static byte[] hugeArrayHeader() throws IOException {
        byte[] bytes = serialize(new long[4]);
        // the array length is the 4 bytes before the elements: claim two billion elements
        int lengthAt = bytes.length - 4 * 8 - 4;
        bytes[lengthAt] = 0x7f;
        bytes[lengthAt + 1] = (byte) 0xff;
        bytes[lengthAt + 2] = (byte) 0xff;
        bytes[lengthAt + 3] = (byte) 0xff;
        return bytes;
    }

    private static byte[] truncate(byte[] bytes, int length) {
        return java.util.Arrays.copyOf(bytes, Math.min(length, bytes.length));
    }

    private static byte[] serialize(Object value) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(value);
        }
        return bytes.toByteArray();
    }
}
