package dev.rediscdi.session.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * What the application does to the response around its session changes: flushes it early, resets it, completes it
 * with a known length, fails. Jetty and Tomcat.
 */
class FlushAndResetIT {
    private static WebInstance app;
    private static WebInstance tomcat;

    @BeforeAll
    static void start() {
        app = WebInstance.jetty(WebInstance.settings("redis-session.key-prefix", "flush:"));
        tomcat = WebInstance.tomcat(WebInstance.settings("redis-session.key-prefix", "flush:"));
    }

    @AfterAll
    static void stop() throws Exception {
        app.close();
        tomcat.close();
    }

    private static WebInstance on(String container) {
        return container.equals("tomcat") ? tomcat : app;
    }

    @Test
    void shouldSaveAnInPlaceChangeMadeAfterTheResponseWasFlushed() {
        Browser user = new Browser();
        user.get(app.uri("cart-add?value=apple"));
        assertThat(user.get(app.uri("add-after-flush?name=cart&value=pear"))).isEqualTo("ok");
        assertThat(user.get(app.uri("get?name=cart"))).as("written when the request ended, like any change").isEqualTo("[apple, pear]");
    }

    @Test
    void shouldKeepTheCookieOfASessionCreatedBeforeTheResponseWasReset() {
        Browser user = new Browser();
        HttpResponse<String> login = user.send(app.uri("login-reset?value=rita"));
        assertThat(login.statusCode()).isEqualTo(200);
        assertThat(login.body()).isEqualTo("welcome rita");
        assertThat(Browser.sessionCookie(login)).as("the new session's cookie survives the reset").isPresent();
        assertThat(user.get(app.uri("whoami"))).isEqualTo("rita");
    }

    @ParameterizedTest
    @ValueSource(strings = { "jetty", "tomcat" })
    void shouldKeepTheSessionOfARequestThatFailedAfterChangingItsId(String container) {
        WebInstance instance = on(container);
        Browser user = new Browser();
        user.get(instance.uri("login?value=ulla"));
        HttpResponse<String> failed = user.send(instance.uri("rotate-then-fail"));
        assertThat(failed.statusCode()).isEqualTo(500);
        assertThat(user.get(instance.uri("whoami"))).as("the browser keeps the id the failed response gave it, if any").isEqualTo("ulla");
    }

    @ParameterizedTest
    @ValueSource(strings = { "jetty", "tomcat" })
    void shouldSaveBeforeAResponseOfKnownLengthIsComplete(String container) throws Exception {
        WebInstance instance = on(container);
        Browser user = new Browser();
        String gate = "sized-" + container + "-" + System.nanoTime();
        CompletableFuture<HttpResponse<String>> login = CompletableFuture.supplyAsync(() -> user.send(instance.uri("login-sized?value=sara&gate=" + gate)));
        try {
            Gates.awaitReached(gate);
            // the body reached its Content-Length: the client has the whole response while the application still runs
            HttpResponse<String> response = login.get(10, TimeUnit.SECONDS);
            assertThat(response.body()).isEqualTo("welcome sara");
            // asked of the other instance: the connection of the login is busy until the application returns
            WebInstance other = container.equals("tomcat") ? app : tomcat;
            assertThat(user.get(other.uri("whoami"))).as("the next request of the user sees the login").isEqualTo("sara");
        } finally {
            Gates.open(gate);
        }
    }
}
