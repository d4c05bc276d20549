package dev.rediscdi.samples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URI;
import java.net.URL;
import java.net.URLClassLoader;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ServiceLoader;
import java.util.UUID;

import jakarta.servlet.ServletContainerInitializer;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.microprofile.config.spi.ConfigProviderResolver;
import org.jboss.weld.environment.se.WeldContainer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import dev.rediscdi.RedisConfigurationException;
import dev.rediscdi.testing.RedisServer;

/**
 * {@code samples/sessions/session-store.properties}, filled in as its header says, read by the session store's own
 * start-up validation in an embedded Jetty 12 and used against a real Redis with a password: a login is kept in
 * Redis under the sample's prefix, with the sample's cookie. A mistake in the file fails the deployment with the
 * key, the value and the fix.
 */
class SessionStoreSampleIT {
    private static final String FILE = "sessions/session-store.properties";
    private static final String PASSWORD = "pw-" + UUID.randomUUID();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static RedisServer redis;

    @BeforeAll
    static void startRedis() {
        redis = RedisServer.builder().password(PASSWORD).start();
    }

    @AfterAll
    static void stopRedis() {
        redis.close();
    }

    /** The sample as a user fills it in: the address of their Redis, their packages, the password from outside. */
    private static Sample filledIn() {
        return Sample.load(FILE)
                .replace("redis.hosts", redis.uri())
                .replace("redis-session.serialization.allow", "dev.rediscdi.samples.**")
                .environment("REDIS_PASSWORD", PASSWORD);
    }

    @Test
    void shouldKeepALoginInRedisUnderTheSamplesPrefixAndCookie() throws Exception {
        try (Application app = new Application(filledIn())) {
            HttpResponse<String> login = app.get("login", null);
            assertThat(login.body()).isEqualTo("welcome");
            String setCookie = login.headers().firstValue("Set-Cookie").orElseThrow();
            assertThat(setCookie).startsWith("SHOPSESSION=").contains("; HttpOnly").contains("; Secure").containsIgnoringCase("SameSite=Lax");
            String cookie = setCookie.substring(0, setCookie.indexOf(';'));
            String id = cookie.substring("SHOPSESSION=".length());

            assertThat(app.get("whoami", cookie).body()).isEqualTo("ada");
            assertThat(redis.command("EXISTS", "shop:session:s:{" + id.charAt(0) + "}" + id)).as("the session's hash, under the sample's prefix").isEqualTo("1");
            long ttlMillis = Long.parseLong(redis.command("PTTL", "shop:session:s:{" + id.charAt(0) + "}" + id));
            assertThat(ttlMillis).as("Redis expires it: 30m idle, plus the touch interval and the grace").isBetween(Duration.ofMinutes(30).toMillis(),
                    Duration.ofMinutes(33).toMillis());
            assertThat(redis.command("CLIENT", "LIST")).as("local-cache=tracking: the invalidation connection tracks the prefix")
                    .containsPattern("name=redis-session-invalidations .*flags=\\S*t");
        }
    }

    @Test
    void shouldFailTheDeploymentNamingTheKeyWhenTheSampleIsEditedWrongly() {
        Sample broken = filledIn().replace("redis-session.absolute-timeout", "10m").replace("redis-session.cookie.same-site", "sometimes");
        assertThatThrownBy(() -> new Application(broken).close()).isInstanceOfSatisfying(RedisConfigurationException.class,
                e -> assertThat(e.problems()).containsExactly(
                        "redis-session.absolute-timeout = \"600s\": is shorter than redis-session.idle-timeout (1800s), so the idle timeout could"
                                + " never apply. Fix: make it longer than the idle timeout, or 0s for none",
                        "redis-session.cookie.same-site = \"sometimes\": not a SameSite value. Fix: use Lax (the default), Strict or None"));
    }

    /** The sample installed as the configuration of one web application, with CDI and the store, on Jetty 12. */
    private static final class Application implements AutoCloseable {
        private final ClassLoader loader = new URLClassLoader(new URL[0], SessionStoreSampleIT.class.getClassLoader());
        private final WeldContainer weld;
        private final Server server = new Server();
        private final int port;

        Application(Sample sample) throws Exception {
            ConfigProviderResolver.instance().registerConfig(sample.config(), loader);
            ClassLoader previous = Thread.currentThread().getContextClassLoader();
            Thread.currentThread().setContextClassLoader(loader);
            try {
                weld = Containers.boot();
                ServerConnector connector = new ServerConnector(server);
                connector.setHost("127.0.0.1");
                connector.setPort(0);
                server.addConnector(connector);
                ServletContextHandler context = new ServletContextHandler("/", ServletContextHandler.NO_SESSIONS);
                context.setClassLoader(loader);
                context.addServletContainerInitializer(storeInitializer());
                context.addServlet(LoginServlet.class, "/*");
                server.setHandler(context);
                server.start();
                if (!context.isAvailable()) {
                    throw new IllegalStateException("the web application did not start");
                }
                port = connector.getLocalPort();
            } catch (Exception | Error e) {
                close();
                throw e;
            } finally {
                Thread.currentThread().setContextClassLoader(previous);
            }
        }

        HttpResponse<String> get(String action, String cookie) throws IOException, InterruptedException {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/" + action)).timeout(Duration.ofSeconds(10));
            if (cookie != null) {
                request.header("Cookie", cookie);
            }
            HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).as(action).isEqualTo(200);
            return response;
        }

        @Override
        public void close() throws Exception {
            try {
                server.stop();
            } finally {
                if (weld != null) {
                    weld.shutdown();
                }
                ConfigProviderResolver.instance().releaseConfig(ConfigProviderResolver.instance().getConfig(loader));
            }
        }

        private static ServletContainerInitializer storeInitializer() {
            for (ServletContainerInitializer initializer : ServiceLoader.load(ServletContainerInitializer.class)) {
                if (initializer.getClass().getName().startsWith("dev.rediscdi.session")) {
                    return initializer;
                }
            }
            throw new IllegalStateException("the session store's ServletContainerInitializer is not on the class path");
        }
    }

    /** {@code /login} stores the user in the session, {@code /whoami} reads it. */
    public static class LoginServlet extends HttpServlet {
        private static final long serialVersionUID = 1L;

        @Override
        protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
            String answer = switch (request.getPathInfo()) {
                case "/login" -> {
                    request.getSession().setAttribute("user", "ada");
                    yield "welcome";
                }
                case "/whoami" -> request.getSession(false) == null ? "anonymous" : String.valueOf(request.getSession(false).getAttribute("user"));
                default -> "?";
            };
            response.setContentType("text/plain;charset=UTF-8");
            response.getWriter().write(answer);
        }
    }
}
