package dev.rediscdi.sample.quarkus.notifications;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;

import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import dev.rediscdi.sample.quarkus.RedisServerResource;
import dev.rediscdi.sample.quarkus.RedisServerResource.InjectRedisServer;
import dev.rediscdi.testing.RedisServer;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
@WithTestResource(RedisServerResource.class)
class NotificationResourceTest {

    private static final Duration WAIT = Duration.ofSeconds(10);

    @InjectRedisServer
    RedisServer server;

    @TestHTTPResource("/notifications")
    URI stream;

    @Test
    void shouldPushWhatIsPublishedToTheBrowserAsServerSentEvents() throws Exception {
        try (EventStream events = new EventStream(stream)) {
            assertThat(events.next()).isEqualTo(NotificationResource.CONNECTED);

            given().contentType("text/plain").body("order 42 shipped").when().post("/notifications").then().statusCode(200);

            assertThat(events.next()).isEqualTo("order 42 shipped");
        }
    }

    @Test
    void shouldPushWhatAnotherInstancePublishedOnTheRedisChannel() throws Exception {
        try (EventStream events = new EventStream(stream)) {
            assertThat(events.next()).isEqualTo(NotificationResource.CONNECTED);

            assertThat(Long.parseLong(server.command("PUBLISH", "notifications", "from elsewhere"))).isPositive();

            assertThat(events.next()).isEqualTo("from elsewhere");
        }
    }

    @Test
    void shouldRefuseAnEmptyNotification() {
        given().contentType("text/plain").body(" ").when().post("/notifications").then().statusCode(400)
                .body(containsString("1 to 1000 characters"));
    }

    /** The data lines of a server-sent event stream, read on a thread of its own. */
    private static final class EventStream implements AutoCloseable {
        private final BlockingQueue<String> data = new LinkedBlockingQueue<>();
        private final InputStream body;
        private final Thread reader;

        EventStream(URI uri) throws Exception {
            HttpResponse<InputStream> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(uri)
                    .header("Accept", "text/event-stream").timeout(WAIT).GET().build(), HttpResponse.BodyHandlers.ofInputStream());
            assertThat(response.statusCode()).isEqualTo(200);
            body = response.body();
            reader = new Thread(this::read, "sse-reader");
            reader.setDaemon(true);
            reader.start();
        }

        private void read() {
            try (BufferedReader lines = new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8))) {
                for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                    if (line.startsWith("data:")) {
                        data.add(line.substring("data:".length()));
                    }
                }
            } catch (java.io.IOException closed) {
                data.add("(stream closed: " + closed + ")");
            }
        }

        String next() throws InterruptedException {
            String event = data.poll(WAIT.toSeconds(), TimeUnit.SECONDS);
            assertThat(event).as("an event within %s", WAIT).isNotNull();
            return event;
        }

        @Override
        public void close() throws Exception {
            body.close();
            reader.join(TimeUnit.SECONDS.toMillis(5));
        }
    }
}
