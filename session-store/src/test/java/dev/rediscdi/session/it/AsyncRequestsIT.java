package dev.rediscdi.session.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Servlet asynchronous requests: the session is written when the asynchronous work completes, before the response
 * leaves, not when the dispatching thread returns. Checked on the other instance right after each response.
 */
class AsyncRequestsIT {
    /**
     * Without local copies: the other instance reads Redis itself, so a stale answer can only mean a save after the
     * response. With them, a read may meet its copy while Redis' invalidation is still on its way (a window the
     * README states and LocalCacheIT covers), which failed this test once on a loaded machine.
     */
    private static final Map<String, String> SETTINGS = WebInstance.settings("redis-session.key-prefix", "async:",
            "redis-session.local-cache", "off");
    private static WebInstance jetty;
    private static WebInstance tomcat;

    @BeforeAll
    static void start() {
        jetty = WebInstance.jetty(SETTINGS);
        tomcat = WebInstance.tomcat(SETTINGS);
    }

    @AfterAll
    static void stop() throws Exception {
        jetty.close();
        tomcat.close();
    }

    @Test
    void shouldSaveWhatAsynchronousWorkSetBeforeTheResponseLeavesOnJetty() {
        savesBeforeTheResponse(jetty, tomcat);
    }

    @Test
    void shouldSaveWhatAsynchronousWorkSetBeforeTheResponseLeavesOnTomcat() {
        savesBeforeTheResponse(tomcat, jetty);
    }

    @Test
    void shouldStoreASessionThatAsynchronousWorkCreated() {
        for (WebInstance[] pair : new WebInstance[][] { { jetty, tomcat }, { tomcat, jetty } }) {
            Browser user = new Browser();
            assertThat(user.get(pair[0].asyncUri("create?name=user&value=zoe"))).isEqualTo("ok");
            assertThat(user.sessionId()).as("the cookie of a session created after the dispatching thread returned").isNotNull();
            assertThat(user.get(pair[1].uri("get?name=user"))).isEqualTo("zoe");
        }
    }

    private static void savesBeforeTheResponse(WebInstance server, WebInstance other) {
        Browser user = new Browser();
        user.get(server.uri("login?value=yves"));
        for (int round = 0; round < 10; round++) {
            assertThat(user.get(server.asyncUri("set?name=step&value=" + round))).isEqualTo("ok");
            assertThat(user.get(other.uri("get?name=step"))).as("round %d, read on the other instance", round).isEqualTo(String.valueOf(round));
        }
        assertThat(user.get(other.uri("whoami"))).isEqualTo("yves");
    }
}
