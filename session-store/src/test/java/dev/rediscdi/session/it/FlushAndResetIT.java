package dev.rediscdi.session.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** What the application does to the response around its session changes: flushes it early, resets it. One Jetty instance. */
class FlushAndResetIT {
    private static WebInstance app;

    @BeforeAll
    static void start() {
        app = WebInstance.jetty(WebInstance.settings("redis-session.key-prefix", "flush:"));
    }

    @AfterAll
    static void stop() throws Exception {
        app.close();
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
}
