package dev.rediscdi.session.it;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * A user with a browser: a real HTTP client that keeps the session cookie it is given and sends it back, to
 * whichever instance it talks to (instances share a host name behind a load balancer).
 */
public final class Browser {
    public static final String COOKIE = "SESSION";
    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private volatile String sessionId;

    public String get(URI uri) {
        HttpResponse<String> response = send(uri);
        if (response.statusCode() != 200) {
            throw new AssertionError(uri + " answered " + response.statusCode() + ": " + response.body());
        }
        return response.body();
    }

    public HttpResponse<String> send(URI uri) {
        return exchange(request(uri), this);
    }

    /**
     * Completes as soon as the status and headers have arrived, as a browser that follows a redirect without waiting
     * for its body (which may still be on its way: read or close it).
     */
    public CompletableFuture<HttpResponse<InputStream>> sendForHeaders(URI uri) {
        return CLIENT.sendAsync(request(uri), HttpResponse.BodyHandlers.ofInputStream()).thenApply(response -> {
            keepCookie(response);
            return response;
        });
    }

    private HttpRequest request(URI uri) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30));
        if (sessionId != null) {
            request.header("Cookie", COOKIE + "=" + sessionId);
        }
        return request.build();
    }

    private void keepCookie(HttpResponse<?> response) {
        sessionCookie(response).ifPresent(header -> sessionId = header.contains("; Max-Age=0;") ? null
                : header.substring(COOKIE.length() + 1, header.indexOf(';') < 0 ? header.length() : header.indexOf(';')));
    }

    /** One request with a raw Cookie header, without keeping anything. */
    public static HttpResponse<String> sendWithCookieHeader(URI uri, String cookieHeader) {
        return exchange(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30)).header("Cookie", cookieHeader).build(), null);
    }

    /**
     * One request over a plain socket, for cookie bytes the JDK client refuses to send (non-ASCII, controls);
     * returns the status line and headers.
     */
    public static String sendRawCookie(URI uri, byte[] cookieValue) {
        try (java.net.Socket socket = new java.net.Socket(uri.getHost(), uri.getPort())) {
            socket.setSoTimeout(10_000);
            var out = socket.getOutputStream();
            out.write(("GET " + uri.getRawPath() + " HTTP/1.1\r\nHost: " + uri.getHost() + "\r\nConnection: close\r\nCookie: SESSION=")
                    .getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
            out.write(cookieValue);
            out.write("\r\n\r\n".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
            out.flush();
            String response = new String(socket.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.ISO_8859_1);
            int end = response.indexOf("\r\n\r\n");
            return end < 0 ? response : response.substring(0, end);
        } catch (IOException e) {
            throw new IllegalStateException(uri + ": " + e, e);
        }
    }

    public String sessionId() {
        return sessionId;
    }

    public void sessionId(String id) {
        this.sessionId = id;
    }

    public static Optional<String> sessionCookie(HttpResponse<?> response) {
        return setCookies(response).stream().filter(header -> header.startsWith(COOKIE + "=")).reduce((first, last) -> last);
    }

    public static List<String> setCookies(HttpResponse<?> response) {
        return response.headers().allValues("Set-Cookie");
    }

    private static HttpResponse<String> exchange(HttpRequest request, Browser keeper) {
        try {
            HttpResponse<String> response = CLIENT.send(request, HttpResponse.BodyHandlers.ofString());
            if (keeper != null) {
                keeper.keepCookie(response);
            }
            return response;
        } catch (IOException e) {
            throw new IllegalStateException(request.uri() + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
