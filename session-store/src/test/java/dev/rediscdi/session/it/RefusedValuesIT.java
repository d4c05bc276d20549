package dev.rediscdi.session.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Values the store could write but never read back (a class outside {@code serialization.allow}, more than
 * {@code serialization.max-bytes}, a graph deeper than {@code serialization.max-depth} or of more objects than
 * {@code serialization.max-references}) are refused where the application sees it, not dropped by a later request.
 * Jetty and Tomcat.
 */
class RefusedValuesIT {
    private static final int MAX_BYTES = 4096;
    private static final int MAX_DEPTH = 8;
    private static final int MAX_REFERENCES = 50;
    private static WebInstance jetty;
    private static WebInstance tomcat;

    @BeforeAll
    static void start() {
        jetty = WebInstance.jetty(limits());
        tomcat = WebInstance.tomcat(limits());
    }

    private static java.util.Map<String, String> limits() {
        return WebInstance.settings("redis-session.key-prefix", "refused:", "redis-session.serialization.max-bytes", "" + MAX_BYTES,
                "redis-session.serialization.max-depth", "" + MAX_DEPTH, "redis-session.serialization.max-references", "" + MAX_REFERENCES);
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

    /** The cart gets a value of a class outside the allow-list, or so many objects that reading would refuse it. */
    @ParameterizedTest
    @CsvSource({ "jetty, ''", "tomcat, ''", "jetty, &count=" + MAX_REFERENCES, "tomcat, &count=" + MAX_REFERENCES })
    void shouldFailTheRequestThatChangedAValueInPlaceIntoOneThatCannotBeReadBackAndKeepTheRest(String container, String growth) {
        WebInstance app = on(container);
        Browser user = new Browser();
        user.get(app.uri("cart-add?value=apple"));
        HttpResponse<String> failed = user.send(app.uri("cart-add-unreadable?value=noted" + growth));
        assertThat(failed.statusCode()).as("the application's change could not be stored: the request fails, as at setAttribute").isEqualTo(500);
        assertThat(user.get(app.uri("get?name=cart"))).as("the session keeps the value it held").isEqualTo("[apple]");
        assertThat(user.get(app.uri("get?name=note"))).as("the request's other changes are written").isEqualTo("noted");
    }

    @ParameterizedTest
    @ValueSource(strings = { "jetty", "tomcat" })
    void shouldRefuseAtSetAttributeAGraphDeeperThanMaxDepthAndStoreOneThatFits(String container) {
        refusedThenStored(on(container), "tree&value=deep&levels=" + (MAX_DEPTH + 2), "reading it back goes more than " + MAX_DEPTH
                + " objects deep, over redis-session.serialization.max-depth=" + MAX_DEPTH + ", so it could never be read back. Fix: store a"
                + " flatter value, or raise redis-session.serialization.max-depth.", "tree&value=deep&levels=3", "[[[bottom]]]");
    }

    @ParameterizedTest
    @ValueSource(strings = { "jetty", "tomcat" })
    void shouldRefuseAtSetAttributeAValueOfMoreObjectsThanMaxReferencesAndStoreOneThatFits(String container) {
        refusedThenStored(on(container), "tree&value=many&count=" + MAX_REFERENCES, "reading it back meets more than " + MAX_REFERENCES
                + " objects, over redis-session.serialization.max-references=" + MAX_REFERENCES + ", so it could never be read back. Fix: keep"
                + " less in the session (an id, and the data elsewhere), or raise redis-session.serialization.max-references.",
                "tree&value=many&count=4", "[0, 1, 2, 3]");
    }

    /** {@code set-unreadable?name=tree..} refused with {@code reason}, then a smaller one stored and read back by the next request. */
    private static void refusedThenStored(WebInstance app, String refusedQuery, String reason, String storedQuery, String storedValue) {
        Browser user = new Browser();
        assertThat(user.get(app.uri("set-unreadable?name=" + refusedQuery)))
                .isEqualTo("refused: session attribute \"tree\" (a java.util.ArrayList) cannot be stored: " + reason);
        assertThat(user.get(app.uri("names"))).as("nothing stored that a later request would drop").isEmpty();
        assertThat(user.get(app.uri("set-unreadable?name=" + storedQuery))).isEqualTo("stored");
        assertThat(user.get(app.uri("get?name=tree"))).as("read back by the next request").isEqualTo(storedValue);
    }
}
