package dev.rediscdi.sample.quarkus.notifications;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;

import java.net.URI;
import java.time.Duration;

import org.junit.jupiter.api.Test;

import dev.rediscdi.sample.quarkus.RedisServerResource;
import dev.rediscdi.sample.quarkus.ServerSentEvents;
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
        try (ServerSentEvents events = new ServerSentEvents(stream)) {
            assertThat(events.next(WAIT)).isEqualTo(NotificationResource.CONNECTED);

            given().contentType("text/plain").body("order 42 shipped").when().post("/notifications").then().statusCode(200);

            assertThat(events.next(WAIT)).isEqualTo("order 42 shipped");
        }
    }

    @Test
    void shouldPushWhatAnotherInstancePublishedOnTheRedisChannel() throws Exception {
        try (ServerSentEvents events = new ServerSentEvents(stream)) {
            assertThat(events.next(WAIT)).isEqualTo(NotificationResource.CONNECTED);

            assertThat(Long.parseLong(server.command("PUBLISH", "notifications", "from elsewhere"))).isPositive();

            assertThat(events.next(WAIT)).isEqualTo("from elsewhere");
        }
    }

    @Test
    void shouldRefuseAnEmptyNotification() {
        given().contentType("text/plain").body(" ").when().post("/notifications").then().statusCode(400)
                .body(containsString("1 to 1000 characters"));
    }

}
