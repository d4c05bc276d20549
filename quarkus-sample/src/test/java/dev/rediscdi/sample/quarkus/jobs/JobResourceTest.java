package dev.rediscdi.sample.quarkus.jobs;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.rediscdi.sample.quarkus.RedisServerResource;
import dev.rediscdi.sample.quarkus.RedisServerResource.InjectRedisServer;
import dev.rediscdi.testing.RedisServer;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
@WithTestResource(RedisServerResource.class)
class JobResourceTest {

    @InjectRedisServer
    RedisServer server;

    @Test
    void shouldHandEachJobToOneWorkerUntilItIsDone() {
        Job submitted = submit("resize image " + System.nanoTime());
        assertThat(submitted.id()).matches("\\d+-\\d+");
        assertThat(server.command("XRANGE", "jobs", submitted.id(), submitted.id())).contains(submitted.payload());

        List<Job> first = claims("w1");
        List<Job> second = claims("w2");

        assertThat(first).contains(submitted);
        assertThat(second).doesNotContain(submitted);
        assertThat(pendingOf("w1")).isPositive();
        assertThat(server.command("XPENDING", "jobs", "workers", submitted.id(), submitted.id(), "1")).contains("w1");

        given().when().post("/jobs/{id}/done", submitted.id()).then().statusCode(204);

        assertThat(server.command("XPENDING", "jobs", "workers", submitted.id(), submitted.id(), "1")).isEmpty();
        given().when().post("/jobs/{id}/done", submitted.id()).then().statusCode(404).body(containsString("is not pending"));
    }

    @Test
    void shouldLetAnotherWorkerReclaimAJobLeftUnacknowledged() {
        Job submitted = submit("send mail " + System.nanoTime());
        assertThat(claims("crashing-worker")).contains(submitted);

        List<Job> tooSoon = reclaims("rescuer", "PT1H");
        List<Job> reclaimed = reclaims("rescuer", "PT0S");

        assertThat(tooSoon).doesNotContain(submitted);
        assertThat(reclaimed).contains(submitted);
        assertThat(server.command("XPENDING", "jobs", "workers", submitted.id(), submitted.id(), "1")).contains("rescuer");
        given().when().post("/jobs/{id}/done", submitted.id()).then().statusCode(204);
    }

    @Test
    void shouldCreateTheGroupAgainWhenRedisLostIt() {
        server.command("DEL", "jobs"); // as a Redis restarted without persistence would have

        assertThat(claims("w1")).isEmpty();
        Job submitted = submit("after the loss " + System.nanoTime());
        assertThat(claims("w1")).containsExactly(submitted);
        given().when().post("/jobs/{id}/done", submitted.id()).then().statusCode(204);
    }

    @Test
    void shouldRefuseBadRequestsSayingWhatToSend() {
        given().contentType("text/plain").body(" ").when().post("/jobs").then().statusCode(400).body(containsString("the job is empty"));
        given().when().post("/jobs/claims").then().statusCode(400).body(containsString("?worker="));
        given().when().post("/jobs/claims?worker=w&count=0").then().statusCode(400).body(containsString("count=0 is out of range"));
        given().when().post("/jobs/reclaims?worker=w&min-idle=soon").then().statusCode(400)
                .body(containsString("min-idle=soon is not an ISO-8601 duration"));
    }

    private static Job submit(String payload) {
        return given().contentType("text/plain").body(payload).when().post("/jobs").then().statusCode(201)
                .extract().as(Job.class);
    }

    private static List<Job> claims(String worker) {
        return List.of(given().when().post("/jobs/claims?worker={worker}&count=100", worker).then().statusCode(200)
                .extract().as(Job[].class));
    }

    private static List<Job> reclaims(String worker, String minIdle) {
        return List.of(given().when().post("/jobs/reclaims?worker={worker}&min-idle={idle}&count=100", worker, minIdle)
                .then().statusCode(200).extract().as(Job[].class));
    }

    private static long pendingOf(String worker) {
        Map<String, Object> consumers = given().when().get("/jobs/pending").then().statusCode(200).extract().path("consumers");
        return ((Number) consumers.getOrDefault(worker, 0)).longValue();
    }
}
