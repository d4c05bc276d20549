package dev.rediscdi.session.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** What the application does to the response around its session changes: flushes it early, resets it, fails. Jetty and Tomcat. */
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
}
