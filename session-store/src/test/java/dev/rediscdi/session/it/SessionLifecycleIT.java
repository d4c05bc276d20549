package dev.rediscdi.session.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Two instances behind one host name, Jetty 12 (A) and Tomcat 11 (B), sharing sessions through one Redis. */
class SessionLifecycleIT {
    private static final Map<String, String> SETTINGS = WebInstance.settings("redis-session.key-prefix", "life:",
            "redis-session.sweep-interval", "200ms");
    private final TestEnvironment environment = TestEnvironment.get();
    private WebInstance a;
    private WebInstance b;

    @BeforeEach
    void start() {
        a = WebInstance.jetty(SETTINGS);
        b = WebInstance.tomcat(SETTINGS);
    }

    @AfterEach
    void stop() throws Exception {
        a.close();
        b.close();
    }

    @Test
    void shouldReadOnInstanceBWhatALoginStoredOnInstanceA() {
        Browser user = new Browser();
        assertThat(user.get(a.uri("whoami"))).isEqualTo("anonymous");
        assertThat(user.sessionId()).as("no session, no cookie").isNull();
        assertThat(user.get(a.uri("login?value=alice"))).isEqualTo("welcome alice");
        assertThat(user.get(b.uri("whoami"))).isEqualTo("alice");
        assertThat(a.events.seen).contains("created:" + user.sessionId(), "added:user");
        assertThat(AnnotatedListener.CREATED).as("@WebListener handed to the initializer by the container").contains(user.sessionId());
    }

    @Test
    void shouldSaveBeforeARedirectIsSent() {
        Browser user = new Browser();
        var response = user.send(a.uri("login?value=bob&redirect=1"));
        assertThat(response.statusCode()).isEqualTo(302);
        assertThat(user.get(b.uri("whoami"))).isEqualTo("bob");
    }

    @Test
    void shouldKeepSessionsWhenBothInstancesRestart() throws Exception {
        Browser user = new Browser();
        user.get(a.uri("login?value=carol"));
        a.close();
        b.close();
        a = WebInstance.jetty(SETTINGS);
        b = WebInstance.tomcat(SETTINGS);
        assertThat(user.get(b.uri("whoami"))).isEqualTo("carol");
        assertThat(user.get(a.uri("whoami"))).isEqualTo("carol");
    }

    @Test
    void shouldKeepAttributesAndKillTheOldIdWhenTheIdChanges() {
        Browser user = new Browser();
        user.get(a.uri("login?value=dave"));
        String oldId = user.sessionId();
        String newId = user.get(a.uri("rotate"));
        assertThat(newId).isEqualTo(user.sessionId()).isNotEqualTo(oldId).hasSize(32);
        assertThat(a.events.seen).contains("id:" + oldId + "->" + newId);
        assertThat(user.get(b.uri("whoami"))).isEqualTo("dave");

        Browser attacker = new Browser();
        attacker.sessionId(oldId);
        assertThat(attacker.get(b.uri("whoami"))).isEqualTo("anonymous");
        assertThat(attacker.get(b.uri("info"))).as("requested id, valid, isNew").isEqualTo(oldId + "|false|none");
        assertThat(environment.standalone.command("EXISTS", "life:s:{" + oldId.charAt(0) + "}" + oldId)).isEqualTo("0");
    }

    @Test
    void shouldSeeOnBAnInvalidationOnA() {
        Browser user = new Browser();
        user.get(a.uri("login?value=erin"));
        String id = user.sessionId();
        assertThat(user.get(b.uri("whoami"))).isEqualTo("erin");
        user.get(a.uri("invalidate"));
        assertThat(a.events.seen).contains("destroyed:" + id + ":erin", "removed:user");
        assertThat(user.sessionId()).as("the invalidation's response ends the cookie").isNull();
        Browser stale = new Browser(); // a client that still sends the id (it never saw that response)
        stale.sessionId(id);
        assertThat(stale.get(b.uri("whoami"))).isEqualTo("anonymous");
        assertThat(stale.get(b.uri("info"))).isEqualTo(id + "|false|none");
    }

    @Test
    void shouldFireSessionDestroyedWhenASessionExpires() {
        Browser user = new Browser();
        user.get(a.uri("login?value=frank"));
        user.get(a.uri("max-inactive?value=1"));
        String id = user.sessionId();
        Eventually.until(Duration.ofSeconds(15), () -> a.events.contains("destroyed:" + id) || b.events.contains("destroyed:" + id), "sessionDestroyed");
        List<String> destroyed = new java.util.ArrayList<>(a.events.seen);
        destroyed.addAll(b.events.seen);
        assertThat(destroyed).as("one instance claims the expiry, with the attributes still readable")
                .containsOnlyOnce("destroyed:" + id + ":frank");
        assertThat(user.get(b.uri("whoami"))).isEqualTo("anonymous");
    }

    @Test
    void shouldCallBindingListenersAndAttributeListeners() {
        AppServlet.Bound.EVENTS.clear();
        Browser user = new Browser();
        user.get(a.uri("bound?name=token&value=first"));
        user.get(b.uri("bound?name=token&value=second"));
        assertThat(AppServlet.Bound.EVENTS).containsExactly("bound:first", "bound:second", "unbound:first");
        assertThat(b.events.seen).contains("replaced:token:first");
        user.get(a.uri("invalidate"));
        assertThat(AppServlet.Bound.EVENTS).endsWith("unbound:second");
    }

    @Test
    void shouldTellAttributeListenersOfTheSameObjectSetAgainButNotItsBindingListener() {
        AppServlet.Bound.EVENTS.clear();
        Browser user = new Browser();
        user.get(a.uri("bound?name=token&value=first"));
        a.events.seen.clear();

        user.get(a.uri("set-again?name=token"));

        assertThat(a.events.seen).as("as Tomcat does by default").containsExactly("replaced:token:first");
        assertThat(AppServlet.Bound.EVENTS).as("still bound: neither unbound nor bound again").containsExactly("bound:first");
    }

    @Test
    void shouldKeepSessionScopedBeansInRedis() {
        Browser user = new Browser();
        assertThat(user.get(a.uri("bean-add?value=apple"))).isEqualTo("apple");
        assertThat(user.get(b.uri("bean-add?value=pear"))).isEqualTo("apple,pear");
        assertThat(user.get(a.uri("bean"))).isEqualTo("apple,pear");
        assertThat(user.get(b.uri("names"))).startsWith("WELD_BS#");
        Browser other = new Browser();
        assertThat(other.get(b.uri("bean"))).isEmpty();
    }

    @Test
    void shouldDestroySessionScopedBeansWhenTheirSessionExpires() {
        Browser user = new Browser();
        String item = "kiwi-" + System.nanoTime();
        assertThat(user.get(a.uri("bean-add?value=" + item))).isEqualTo(item);
        user.get(a.uri("max-inactive?value=1"));
        String id = user.sessionId();
        Eventually.until(Duration.ofSeconds(15), () -> a.events.contains("destroyed:" + id) || b.events.contains("destroyed:" + id), "sessionDestroyed");
        Eventually.until(Duration.ofSeconds(5), () -> Cart.DESTROYED.contains(item), "@PreDestroy of the expired session's @SessionScoped bean");
    }
}
