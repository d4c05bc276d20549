package dev.rediscdi.sample.quarkus;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import dev.rediscdi.sample.quarkus.RedisServerResource.InjectRedisServer;
import dev.rediscdi.testing.RedisServer;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
@WithTestResource(RedisServerResource.class)
class VisitsResourceTest {

    @InjectRedisServer
    RedisServer server;

    @Test
    void countsVisitsInTheRedisServerTheTestStarted() {
        String page = "home-" + System.nanoTime();

        assertThat(visit(page)).isEqualTo(1);
        assertThat(visit(page)).isEqualTo(2);
        assertThat(visit(page)).isEqualTo(3);

        assertThat(server.command("GET", "visits:" + page)).isEqualTo("3");
    }

    @Test
    void continuesFromTheValueAlreadyInRedis() {
        String page = "preset-" + System.nanoTime();
        server.command("SET", "visits:" + page, "41");

        assertThat(visit(page)).isEqualTo(42);
    }

    @Test
    void countsEachPageSeparately() {
        String a = "a-" + System.nanoTime();
        String b = "b-" + System.nanoTime();

        visit(a);
        visit(a);
        assertThat(visit(b)).isEqualTo(1);
        assertThat(visit(a)).isEqualTo(3);
    }

    @Test
    void blockingEndpointReadsTheCounterOnAWorkerThread() {
        String page = "stats-" + System.nanoTime();
        given().when().get("/stats/{page}", page).then().statusCode(200).body(org.hamcrest.Matchers.equalTo("0"));

        visit(page);
        visit(page);

        given().when().get("/stats/{page}", page).then().statusCode(200).body(org.hamcrest.Matchers.equalTo("2"));
    }

    static long visit(String page) {
        String body = given().when().get("/visits/{page}", page).then().statusCode(200).extract().asString();
        return Long.parseLong(body.trim());
    }
}
