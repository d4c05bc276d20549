package dev.rediscdi.sample.quarkus.ratelimit;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import dev.rediscdi.sample.quarkus.RedisServerResource;
import dev.rediscdi.sample.quarkus.RedisServerResource.InjectRedisServer;
import dev.rediscdi.testing.RedisServer;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

@QuarkusTest
@WithTestResource(RedisServerResource.class)
class QuoteResourceTest {

    /** sample.rate-limit.requests in application.properties */
    private static final int LIMIT = 5;

    @InjectRedisServer
    RedisServer server;

    @Test
    void shouldAllowTheLimitThenAnswer429WithRetryAfter() {
        String client = "client-" + System.nanoTime();
        for (int i = 1; i <= LIMIT; i++) {
            Response allowed = quote(client);
            assertThat(allowed.statusCode()).as("call %d", i).isEqualTo(200);
            assertThat(allowed.body().asString()).isNotBlank();
            assertThat(allowed.header("X-RateLimit-Remaining")).isEqualTo(String.valueOf(LIMIT - i));
        }

        Response refused = quote(client);

        assertThat(refused.statusCode()).isEqualTo(429);
        assertThat(refused.header("X-RateLimit-Limit")).isEqualTo(String.valueOf(LIMIT));
        assertThat(refused.header("X-RateLimit-Remaining")).isEqualTo("0");
        assertThat(Long.parseLong(refused.header("Retry-After"))).isBetween(1L, 10L);
        assertThat(refused.body().asString()).contains("Too many requests");
    }

    @Test
    void shouldCountEachClientSeparately() {
        String greedy = "greedy-" + System.nanoTime();
        for (int i = 0; i <= LIMIT; i++) {
            quote(greedy);
        }

        assertThat(quote(greedy).statusCode()).isEqualTo(429);
        assertThat(quote("modest-" + System.nanoTime()).statusCode()).isEqualTo(200);
    }

    @Test
    void shouldKeepTheCountInRedisWithTheWindowAsExpiry() {
        String client = "shared-" + System.nanoTime();
        quote(client);
        quote(client);

        assertThat(server.command("GET", "rate:" + client)).isEqualTo("2");
        assertThat(Long.parseLong(server.command("PTTL", "rate:" + client))).isBetween(1L, 10_000L);
    }

    @Test
    void shouldAllowAgainWhenTheWindowEnds() {
        String client = "patient-" + System.nanoTime();
        server.command("SET", "rate:" + client, String.valueOf(LIMIT), "PX", "10000");
        assertThat(quote(client).statusCode()).isEqualTo(429);

        server.command("DEL", "rate:" + client); // the window expired

        assertThat(quote(client).statusCode()).isEqualTo(200);
    }

    private static Response quote(String client) {
        return given().header("X-Client-Id", client).when().get("/quote").andReturn();
    }
}
