package dev.rediscdi.appservers;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import dev.rediscdi.appservers.harness.AppClient;

/**
 * The Redis-backed HTTP session: the WAR carries the session store, the application a {@code @SessionScoped} bean
 * used by a JAX-RS resource. Each test has a browser of its own, so a session of its own. That the session outlives
 * a server restart is checked by {@link AppServerScenario}'s restart step, which restarts the server once for all.
 */
interface SessionScenario extends Scenario {

    /** The store's cookie ({@code redis-session.cookie.name}, default). */
    String SESSION_COOKIE = "SESSION";
    /** The container's own session cookie: it must never appear, the container's sessions are not used. */
    String CONTAINER_SESSION_COOKIE = "JSESSIONID";

    @Test
    default void shouldReadInTheNextRequestTheSessionScopedBeanWrittenByOne() {
        AppClient browser = new AppClient();
        RedisApp app = new RedisApp(browser, server());

        assertThat(app.introduce("Ada").body()).isEqualTo("Ada (visit 1)");
        String sessionId = browser.cookie(SESSION_COOKIE);

        assertThat(sessionId).as("the store's session cookie").isNotNull();
        assertThat(app.visitorName().body()).isEqualTo("Ada (visit 2)");
        assertThat(app.visitorName().body()).isEqualTo("Ada (visit 3)");
        assertThat(browser.cookie(SESSION_COOKIE)).as("the same session").isEqualTo(sessionId);
        assertThat(browser.cookie(CONTAINER_SESSION_COOKIE)).as("no session of the container's own").isNull();
        assertThat(redis().command("EXISTS", sessionKey(sessionId))).as("the session is a hash in Redis").isEqualTo("1");
        assertThat(Integer.parseInt(redis().command("HLEN", sessionKey(sessionId))))
                .as("metadata fields and the bean").isGreaterThan(5);
    }

    @Test
    default void shouldShareOneSessionBetweenTwoInstances() {
        AppClient browser = new AppClient();
        RedisApp first = new RedisApp(browser, server());
        RedisApp second = new RedisApp(browser, secondServer());

        assertThat(first.introduce("Linus").body()).isEqualTo("Linus (visit 1)");
        String sessionId = browser.cookie(SESSION_COOKIE);
        assertThat(second.visitorName().body()).as("the cookie set by the first instance, sent to the second")
                .isEqualTo("Linus (visit 2)");
        assertThat(second.introduce("Linus T.").body()).isEqualTo("Linus T. (visit 3)");
        assertThat(first.visitorName().body()).isEqualTo("Linus T. (visit 4)");

        assertThat(browser.cookie(SESSION_COOKIE)).as("one session for both").isEqualTo(sessionId);
        assertThat(browser.cookie(CONTAINER_SESSION_COOKIE)).isNull();
        assertThat(second.deploymentId()).as("two deployments").isNotEqualTo(first.deploymentId());
    }

    /** The store's key of a session: {@code session:s:{<first character of the id>}<id>} (README, data layout). */
    private static String sessionKey(String sessionId) {
        return "session:s:{" + sessionId.charAt(0) + "}" + sessionId;
    }
}
