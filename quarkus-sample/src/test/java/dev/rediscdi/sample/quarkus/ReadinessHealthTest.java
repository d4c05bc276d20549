package dev.rediscdi.sample.quarkus;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import dev.rediscdi.sample.quarkus.RedisServerResource.InjectRedisServer;
import dev.rediscdi.testing.RedisServer;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/**
 * The library's readiness checks under quarkus-smallrye-health, read over HTTP from {@code /q/health/ready}: one per
 * client (none for the {@code unreachable} client, whose {@code health.enabled=false}), DOWN with the reason while the
 * Redis server is stopped, UP again once it is back, without restarting the application. The server is this class's
 * own, so that stopping it disturbs no other test.
 */
@QuarkusTest
@WithTestResource(value = RedisServerResource.class, scope = TestResourceScope.RESTRICTED_TO_CLASS)
class ReadinessHealthTest {

    private static final Duration PATIENCE = Duration.ofSeconds(20);
    private static final List<String> CHECKS = List.of("redis", "redis.cache", "redis.lookup-only");

    @InjectRedisServer
    RedisServer server;

    @Test
    void shouldGoDownWhileRedisIsStoppedAndUpOnceItIsBack() throws Exception {
        Readiness up = await(ready -> ready.httpStatus() == 200);
        assertThat(up.status()).isEqualTo("UP");
        assertThat(up.checks()).as("the checks of %s", up.body()).containsOnlyKeys(CHECKS).allSatisfy((name, status) -> assertThat(status).isEqualTo("UP"));

        server.stop();
        Readiness down = await(ready -> ready.httpStatus() == 503);
        assertThat(down.status()).isEqualTo("DOWN");
        assertThat(down.checks()).as("the checks of %s", down.body()).containsOnlyKeys(CHECKS).allSatisfy((name, status) -> assertThat(status).isEqualTo("DOWN"));
        assertThat(down.error("redis")).as("the reason, in %s", down.body()).isNotBlank();

        server.restart();
        Readiness back = await(ready -> ready.httpStatus() == 200);
        assertThat(back.checks()).as("the checks of %s", back.body()).containsOnlyKeys(CHECKS).allSatisfy((name, status) -> assertThat(status).isEqualTo("UP"));
    }

    /** The first answer of {@code /q/health/ready} that matches, asked every 200 ms for {@link #PATIENCE}; fails with the last one. */
    private static Readiness await(Predicate<Readiness> condition) throws InterruptedException {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        Readiness last = Readiness.ask();
        while (!condition.test(last) && System.nanoTime() < deadline) {
            Thread.sleep(200);
            last = Readiness.ask();
        }
        assertThat(condition.test(last)).as("within %d s, last answer %d %s", PATIENCE.toSeconds(), last.httpStatus(), last.body()).isTrue();
        return last;
    }

    /** One answer of the readiness endpoint. */
    private record Readiness(int httpStatus, String body, Response response) {

        static Readiness ask() {
            Response response = given().when().get("/q/health/ready");
            return new Readiness(response.statusCode(), response.asString(), response);
        }

        String status() {
            return response.jsonPath().getString("status");
        }

        /** Each check's name and status. */
        Map<String, String> checks() {
            List<Map<String, Object>> checks = response.jsonPath().getList("checks");
            return checks.stream().collect(Collectors.toMap(check -> (String) check.get("name"), check -> (String) check.get("status")));
        }

        String error(String check) {
            return response.jsonPath().getString("checks.find { it.name == '" + check + "' }.data.error");
        }
    }
}
