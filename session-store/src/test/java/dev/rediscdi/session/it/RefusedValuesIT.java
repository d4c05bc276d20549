package dev.rediscdi.session.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Values the store could write but never read back (a class outside {@code serialization.allow}, more than
 * {@code serialization.max-bytes}) are refused where the application sees it, not dropped by a later request. Jetty and Tomcat.
 */
class RefusedValuesIT {
    private static final int MAX_BYTES = 4096;
    private static WebInstance jetty;
    private static WebInstance tomcat;

    @BeforeAll
    static void start() {
        jetty = WebInstance.jetty(WebInstance.settings("redis-session.key-prefix", "refused:", "redis-session.serialization.max-bytes", "" + MAX_BYTES));
        tomcat = WebInstance.tomcat(WebInstance.settings("redis-session.key-prefix", "refused:", "redis-session.serialization.max-bytes", "" + MAX_BYTES));
    }

    @AfterAll
    static void stop() throws Exception {
        jetty.close();
        tomcat.close();
    }

    private static WebInstance on(String container) {
        return container.equals("tomcat") ? tomcat : jetty;
    }

    @ParameterizedTest
    @ValueSource(strings = { "jetty", "tomcat" })
    void shouldRefuseAtSetAttributeAValueHoldingAClassOutsideTheAllowList(String container) {
        WebInstance app = on(container);
        Browser user = new Browser();
        user.get(app.uri("set?name=ok&value=kept"));
        assertThat(user.get(app.uri("set-unreadable?name=basket&value=outside")))
                .isEqualTo("refused: session attribute \"basket\" (a java.util.ArrayList) cannot be stored: it holds a dev.rediscdi.session.hostile.Outside,"
                        + " a class redis-session.serialization.allow does not list, so it could never be read back. Fix: add the class, its package (a.b.*)"
                        + " or its package tree (a.b.**) to redis-session.serialization.allow, or store values of allowed classes.");
        assertThat(user.get(app.uri("names"))).as("nothing stored that a later request would drop").isEqualTo("ok");
    }

    @ParameterizedTest
    @ValueSource(strings = { "jetty", "tomcat" })
    void shouldRefuseAtSetAttributeAValueLargerThanMaxBytesAndStoreOneThatFits(String container) {
        WebInstance app = on(container);
        Browser user = new Browser();
        String refused = user.get(app.uri("set-unreadable?name=blob&value=" + MAX_BYTES));
        assertThat(refused).isEqualTo("refused: session attribute \"blob\" (a java.lang.String) cannot be stored: it encodes to more than " + MAX_BYTES
                + " bytes, over redis-session.serialization.max-bytes=" + MAX_BYTES + ", so it could never be read back. Fix: keep less in the session"
                + " (an id, and the data elsewhere), or raise redis-session.serialization.max-bytes.").doesNotContain("xxx");
        // a string of n characters serializes to n + 7 bytes (stream header, tag, length)
        assertThat(user.get(app.uri("set-unreadable?name=blob&value=" + (MAX_BYTES - 7)))).isEqualTo("stored");
        assertThat(user.get(app.uri("get?name=blob"))).as("read back by the next request").hasSize(MAX_BYTES - 7);
    }

    @ParameterizedTest
    @ValueSource(strings = { "jetty", "tomcat" })
    void shouldFailTheRequestThatChangedAValueInPlaceIntoOneThatCannotBeReadBackAndKeepTheRest(String container) {
        WebInstance app = on(container);
        Browser user = new Browser();
        user.get(app.uri("cart-add?value=apple"));
        HttpResponse<String> failed = user.send(app.uri("cart-add-unreadable?value=noted"));
        assertThat(failed.statusCode()).as("the application's change could not be stored: the request fails, as at setAttribute").isEqualTo(500);
        assertThat(user.get(app.uri("get?name=cart"))).as("the session keeps the value it held").isEqualTo("[apple]");
        assertThat(user.get(app.uri("get?name=note"))).as("the request's other changes are written").isEqualTo("noted");
    }
}
