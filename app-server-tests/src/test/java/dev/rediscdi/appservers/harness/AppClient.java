package dev.rediscdi.appservers.harness;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * A browser for the tests: {@code java.net.http} with a cookie jar. Cookies of 127.0.0.1 do not depend on the
 * port, so a session cookie set by one server instance is sent to every other instance this client talks to.
 */
public final class AppClient {

    private static final Duration DEFAULT_REQUEST_TIMEOUT = Duration.ofSeconds(30);

    private final CookieManager cookies = new CookieManager(null, CookiePolicy.ACCEPT_ALL);
    private final HttpClient http = HttpClient.newBuilder()
            .cookieHandler(cookies)
            .connectTimeout(Duration.ofSeconds(5))
            .build();
    private final Duration requestTimeout;

    /** A browser that gives up on an answer after 30 s. */
    public AppClient() {
        this(DEFAULT_REQUEST_TIMEOUT);
    }

    /** A browser that gives up on an answer after {@code requestTimeout}: a request that hangs fails the test. */
    public AppClient(Duration requestTimeout) {
        this.requestTimeout = requestTimeout;
    }

    public HttpResponse<String> get(URI uri) {
        return send(HttpRequest.newBuilder(uri).GET());
    }

    /** PUT with a {@code text/plain} body. */
    public HttpResponse<String> put(URI uri, String text) {
        return send(HttpRequest.newBuilder(uri).header("Content-Type", "text/plain; charset=UTF-8")
                .PUT(HttpRequest.BodyPublishers.ofString(text)));
    }

    /** The cookies received so far, e.g. to check that a session cookie was set. */
    public CookieManager cookies() {
        return cookies;
    }

    /** The value of the cookie {@code name} received so far, or null. */
    public String cookie(String name) {
        return cookies.getCookieStore().getCookies().stream().filter(cookie -> cookie.getName().equals(name))
                .map(java.net.HttpCookie::getValue).findFirst().orElse(null);
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        HttpRequest built = request.timeout(requestTimeout).build();
        try {
            return http.send(built, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(built.method() + " " + built.uri() + " failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted: " + built.method() + " " + built.uri(), e);
        }
    }
}
