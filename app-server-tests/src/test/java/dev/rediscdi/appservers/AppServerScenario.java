package dev.rediscdi.appservers;

import static dev.rediscdi.appservers.RedisApp.Client.CACHE;
import static dev.rediscdi.appservers.RedisApp.Client.DEFAULT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;

import dev.rediscdi.appservers.harness.AppClient;
import dev.rediscdi.appservers.harness.AppDeployment;
import dev.rediscdi.appservers.harness.AppServer;
import dev.rediscdi.testing.RedisServer;

/**
 * The scenario every application server passes with the test WAR, and its core: the clients answer, survive a
 * Redis restart and a server restart (the HTTP session too), two instances share one Redis, a bad configuration
 * is refused. One Redis for
 * the class, one server instance started once (a second one on demand), a browser with a cookie jar. Each test
 * uses keys of its own; a test that restarts something leaves it running. Further parts: see {@link Scenario}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class AppServerScenario implements Scenario {

    private static final String READINESS_PATH = "api/deployment";

    private RedisServer redis;
    private AppServer server;
    private AppServer secondServer;
    private final AppClient browser = new AppClient();
    private String testName;

    @RegisterExtension
    final ServerLogsOnFailure logsOnFailure = new ServerLogsOnFailure(this::servers, () -> redis);

    /** A new, not yet started instance of the server under test, in a work directory of its own. */
    protected abstract AppServer newServer(String instanceName, AppDeployment deployment);

    @BeforeAll
    void startRedisAndServer() {
        redis = RedisServer.builder().start();
        server = newServer("a", deployment());
        server.start();
    }

    @AfterAll
    void stopServers() {
        try {
            for (AppServer running : servers()) {
                running.close();
            }
        } finally {
            if (redis != null) {
                redis.close();
            }
        }
    }

    @BeforeEach
    void rememberName(TestInfo info) {
        testName = info.getTestMethod().orElseThrow().getName();
    }

    @Test
    void shouldAnswerThroughTheDefaultAndTheNamedClient() {
        RedisApp app = app();
        String key = key();

        assertThat(app.write(DEFAULT, key, "through the default client").statusCode()).isEqualTo(204);
        // the cache client's 400 ms deadline covers the connection its first command opens: retry that one
        Eventually.status(204, RECOVERY, () -> app.write(CACHE, key, "through the cache client"));

        assertThat(app.read(DEFAULT, key).body()).isEqualTo("through the default client");
        assertThat(app.read(CACHE, key).body()).isEqualTo("through the cache client");
        assertThat(redis.command("GET", key)).as("the default client writes to database 0")
                .isEqualTo("through the default client");
        assertThat(valueInDatabase(1, key)).as("the cache client writes to database 1 (redis.cache.hosts=.../1)")
                .isEqualTo("through the cache client");
        assertThat(app.read(DEFAULT, key + ":absent").statusCode()).isEqualTo(404);
        assertThat(app.vertxSource()).as("the library runs on the WAR's Vert.x, not on one of the server")
                .contains("WEB-INF/lib/vertx-core-");
    }

    @Test
    void shouldRecoverFromARedisRestartWithoutRedeployment() {
        RedisApp app = app();
        String key = key();
        assertThat(app.write(DEFAULT, key, "before").statusCode()).isEqualTo(204);
        String deployment = app.deploymentId();

        redis.restart();
        assertThat(redis.command("EXISTS", key)).as("the restarted Redis lost its data (no persistence)").isEqualTo("0");

        Eventually.status(204, RECOVERY, () -> app.write(DEFAULT, key, "after"));
        Eventually.status(204, RECOVERY, () -> app.write(CACHE, key, "after"));
        assertThat(app.read(DEFAULT, key).body()).isEqualTo("after");
        assertThat(app.read(CACHE, key).body()).isEqualTo("after");
        assertThat(app.deploymentId()).as("the same deployment answers: nothing was redeployed").isEqualTo(deployment);
    }

    /** One restart for the clients and the session (a server boot is the costly part of the scenario). */
    @Test
    void shouldWorkAndKeepTheSessionAfterTheServerRestarts() {
        RedisApp app = app();
        RedisApp visitor = new RedisApp(new AppClient(), server);
        String key = key();
        assertThat(app.write(DEFAULT, key, "written before the restart").statusCode()).isEqualTo(204);
        Eventually.status(204, RECOVERY, () -> app.write(CACHE, key, "cached before the restart"));
        assertThat(visitor.introduce("Grace").body()).isEqualTo("Grace (visit 1)");
        String deployment = app.deploymentId();
        long pid = server.pid();

        server.restart();

        assertThat(server.pid()).as("a new server JVM").isNotEqualTo(pid);
        assertThat(app.deploymentId()).as("a new deployment").isNotEqualTo(deployment);
        assertThat(app.read(DEFAULT, key).body()).isEqualTo("written before the restart");
        Eventually.body("cached before the restart", RECOVERY, () -> app.read(CACHE, key));
        assertThat(app.write(DEFAULT, key, "written after the restart").statusCode()).isEqualTo(204);
        assertThat(redis.command("GET", key)).isEqualTo("written after the restart");
        assertThat(visitor.visitorName().body()).as("the @SessionScoped bean, from the Redis session")
                .isEqualTo("Grace (visit 2)");
    }

    @Test
    void shouldShareRedisDataBetweenTwoInstances() {
        RedisApp app = app();
        RedisApp other = secondApp();
        String key = key();

        assertThat(app.write(DEFAULT, key, "from the first instance").statusCode()).isEqualTo(204);
        assertThat(other.read(DEFAULT, key).body()).isEqualTo("from the first instance");
        Eventually.status(204, RECOVERY, () -> other.write(CACHE, key, "from the second instance"));
        assertThat(app.read(CACHE, key).body()).isEqualTo("from the second instance");
        assertThat(other.deploymentId()).as("two deployments").isNotEqualTo(app.deploymentId());
        assertThat(other.server().appUri().getPort()).isNotEqualTo(server.appUri().getPort());
    }

    @Test
    void shouldRefuseABadConfigurationAtDeploymentWithTheLibrarysMessage() {
        // a port out of range; a variable of another tool that MicroProfile Config reads as the key redis.url is no problem
        AppDeployment misconfigured = AppDeployment.of(READINESS_PATH,
                Map.of("APP_REDIS_URL", "redis://127.0.0.1:70000", "REDIS_URL", redis.uri()));
        try (AppServer refusing = newServer("misconfigured", misconfigured)) {
            assertThatThrownBy(refusing::start)
                    .hasMessageContaining("did not start the application")
                    .hasMessageContaining("Invalid Redis configuration (2 problems)")
                    .hasMessageContaining("redis.hosts = \"redis://127.0.0.1:70000\": port 70000 is out of range")
                    .hasMessageContaining("redis.cache.hosts = \"redis://127.0.0.1:70000/1\": port 70000 is out of range")
                    .hasMessageNotContaining("redis.url");
        }
    }

    @Override
    public RedisServer redis() {
        return redis;
    }

    @Override
    public AppServer server() {
        return server;
    }

    @Override
    public AppServer secondServer() {
        if (secondServer == null) {
            secondServer = newServer("b", deployment());
            secondServer.start();
        }
        return secondServer;
    }

    @Override
    public AppClient browser() {
        return browser;
    }

    @Override
    public String key() {
        return "app-server-it:" + testName + ":" + UUID.randomUUID();
    }

    private AppDeployment deployment() {
        return AppDeployment.of(READINESS_PATH, Map.of("APP_REDIS_URL", redis.uri()));
    }

    private List<AppServer> servers() {
        List<AppServer> servers = new ArrayList<>();
        if (server != null) {
            servers.add(server);
        }
        if (secondServer != null) {
            servers.add(secondServer);
        }
        return servers;
    }

    /** GET of {@code key} in database {@code database}, on a connection of its own (SELECT inside a script). */
    private String valueInDatabase(int database, String key) {
        return redis.command("EVAL", "redis.call('SELECT', ARGV[1]) return redis.call('GET', KEYS[1])", "1", key,
                Integer.toString(database));
    }
}
