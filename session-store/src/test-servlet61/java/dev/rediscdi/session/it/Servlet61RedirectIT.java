package dev.rediscdi.session.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import jakarta.servlet.http.HttpServletResponse;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import dev.rediscdi.testing.RedisServer;

/**
 * The redirects of Servlet 6.1 ({@code sendRedirect(location, status)}, {@code (location, clearBuffer)},
 * {@code (location, status, clearBuffer)}) on Servlet 6.1 containers, Jetty 12.1 ee11 and Tomcat 11, each the other's
 * second instance: the browser follows the redirect to the other instance while the application still runs (held at
 * a gate), so only a session saved before the redirect left can be seen there. Tomcat sends a redirect at once when
 * its context sends redirect bodies, and otherwise when the application returns. Runs in the servlet-6.1 test
 * execution, whose class path has the Servlet 6.1 API.
 */
class Servlet61RedirectIT {
    private static final Map<String, String> SETTINGS = WebInstance.settings("redis-session.key-prefix", "redirect61:");
    private static WebInstance jetty;
    private static WebInstance tomcat;

    @BeforeAll
    static void start() {
        assertThat(RedirectCall.LOCATION_STATUS_CLEAR.exists()).as("the Servlet 6.1 API on the class path, not "
                + HttpServletResponse.class.getProtectionDomain().getCodeSource().getLocation()).isTrue();
        jetty = JettyEe11Instance.start(SETTINGS);
        tomcat = WebInstance.tomcatSendingRedirectBodies(SETTINGS);
    }

    @AfterAll
    static void stop() throws Exception {
        if (jetty != null) {
            jetty.close();
        }
        if (tomcat != null) {
            tomcat.close();
        }
    }

    static Stream<Arguments> redirects() {
        Stream<Arguments> jettyCases = Stream.of(RedirectCall.values()).map(call -> Arguments.of("jetty-ee11", call));
        // a redirect that keeps the buffer has no body of Tomcat's to send at once: Tomcat sends it when the application returns
        Stream<Arguments> tomcatCases = Stream.of(RedirectCall.values()).filter(call -> call != RedirectCall.LOCATION_STATUS_KEEP)
                .map(call -> Arguments.of("tomcat", call));
        return Stream.concat(jettyCases, tomcatCases);
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("redirects")
    void shouldSaveTheSessionBeforeTheRedirectLeaves(String container, RedirectCall call) throws Exception {
        WebInstance instance = container.equals("tomcat") ? tomcat : jetty;
        WebInstance other = container.equals("tomcat") ? jetty : tomcat;
        Browser user = new Browser();
        assertThat(user.get(instance.uri("set?name=step&value=cart"))).isEqualTo("ok");
        URI next = other.uri("get?name=step");
        String gate = "redirect-" + container + "-" + call + "-" + System.nanoTime();
        CompletableFuture<HttpResponse<InputStream>> redirect = user.sendForHeaders(instance.uri("redirect?call=" + call
                + "&name=step&value=payment&gate=" + gate + "&to=" + URLEncoder.encode(next.toString(), StandardCharsets.UTF_8)));
        HttpResponse<InputStream> response;
        try {
            Gates.awaitReached(gate);
            response = redirect.get(10, TimeUnit.SECONDS);
            assertThat(response.statusCode()).isEqualTo(call.status);
            assertThat(response.headers().firstValue("Location")).contains(next.toString());
            assertThat(user.get(next)).as("the other instance, while the redirecting request still runs").isEqualTo("payment");
        } finally {
            Gates.open(gate);
        }
        try (InputStream body = response.body()) {
            String text = new String(body.readAllBytes(), StandardCharsets.UTF_8);
            if (call == RedirectCall.LOCATION_STATUS_KEEP) {
                assertThat(text).as("the buffer kept as the body").isEqualTo("kept");
            }
        }
        assertThat(user.get(instance.uri("get?name=step"))).isEqualTo("payment");
    }

    @ParameterizedTest
    @ValueSource(strings = { "jetty-ee11", "tomcat" })
    void shouldAnswerUnavailableInsteadOfRedirectingWhenTheSessionCannotBeSaved(String container) throws Exception {
        Map<String, String> settings = WebInstance.settings("redis-session.client", "fragile", "redis-session.key-prefix", "redirect61-down:");
        RedisServer fragile = TestEnvironment.get().fragile;
        try (WebInstance instance = container.equals("tomcat") ? WebInstance.tomcatSendingRedirectBodies(settings) : JettyEe11Instance.start(settings)) {
            fragile.stop();
            try {
                // a session created in this request: nothing reaches Redis before the save the redirect asks for
                HttpResponse<InputStream> response = new Browser().sendForHeaders(instance.uri("redirect?call=" + RedirectCall.LOCATION_STATUS_CLEAR
                        + "&name=step&value=payment&to=" + URLEncoder.encode(instance.uri("get?name=step").toString(), StandardCharsets.UTF_8)))
                        .get(10, TimeUnit.SECONDS);
                try (InputStream body = response.body()) {
                    assertThat(response.statusCode()).as("not a redirect to a session that was never stored").isEqualTo(503);
                    assertThat(response.headers().firstValue("Location")).isEmpty();
                    assertThat(Browser.sessionCookie(response)).isEmpty();
                    assertThat(new String(body.readAllBytes(), StandardCharsets.UTF_8)).startsWith("Session store unavailable");
                }
            } finally {
                fragile.restart();
            }
        }
    }
}
