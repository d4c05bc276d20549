package dev.rediscdi.appservers;

import java.net.http.HttpResponse;

import dev.rediscdi.appservers.harness.AppClient;
import dev.rediscdi.appservers.harness.AppServer;

/** The test application's endpoints on one server instance, called through one browser. */
final class RedisApp {

    /** The two clients the application injects: the default one and the one named {@code cache}. */
    enum Client {
        DEFAULT("default"), CACHE("cache");

        final String path;

        Client(String path) {
            this.path = path;
        }
    }

    private final AppClient browser;
    private final AppServer server;

    RedisApp(AppClient browser, AppServer server) {
        this.browser = browser;
        this.server = server;
    }

    HttpResponse<String> write(Client client, String key, String value) {
        return browser.put(server.appUri().resolve("api/" + client.path + "/" + key), value);
    }

    HttpResponse<String> read(Client client, String key) {
        return browser.get(server.appUri().resolve("api/" + client.path + "/" + key));
    }

    /** Stores {@code name} in the session's {@code @SessionScoped} bean (a session is created if needed). */
    HttpResponse<String> introduce(String name) {
        return browser.put(server.appUri().resolve("api/session/name"), name);
    }

    /** The name the session's {@code @SessionScoped} bean holds: 200 with it, or 404. */
    HttpResponse<String> visitorName() {
        return browser.get(server.appUri().resolve("api/session/name"));
    }

    /** The stock level of {@code sku} through the bean with MicroProfile Fault Tolerance annotations. */
    HttpResponse<String> stock(String sku) {
        return browser.get(server.appUri().resolve("api/stock/" + sku));
    }

    /** The server's MicroProfile Health readiness report. */
    HttpResponse<String> readiness() {
        return browser.get(server.readinessUri());
    }

    /** Drawn once per deployment: tells whether two answers came from the same deployment. */
    String deploymentId() {
        return text("api/deployment");
    }

    /** Where the application's Vert.x classes come from (a URL of the jar). */
    String vertxSource() {
        return text("api/deployment/vertx");
    }

    private String text(String path) {
        HttpResponse<String> response = browser.get(server.appUri().resolve(path));
        if (response.statusCode() != 200) {
            throw new AssertionError("GET " + path + " on " + server + " answered " + response.statusCode());
        }
        return response.body();
    }

    AppServer server() {
        return server;
    }
}
