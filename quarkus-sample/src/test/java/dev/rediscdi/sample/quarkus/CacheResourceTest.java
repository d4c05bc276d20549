package dev.rediscdi.sample.quarkus;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import org.junit.jupiter.api.Test;

import dev.rediscdi.sample.quarkus.RedisServerResource.InjectRedisServer;
import dev.rediscdi.testing.RedisServer;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
@WithTestResource(RedisServerResource.class)
class CacheResourceTest {

    /** Runs a command in database 1 of the server: {@link RedisServer#command} opens a fresh connection on database 0. */
    private static final String GET_IN_DB = "redis.call('SELECT', ARGV[1]) return redis.call('GET', KEYS[1])";
    private static final String TTL_IN_DB = "redis.call('SELECT', ARGV[1]) return redis.call('TTL', KEYS[1])";

    @InjectRedisServer
    RedisServer server;

    @Test
    void valueRoundTripsThroughTheNamedClient() {
        String key = "greeting-" + System.nanoTime();

        given().contentType("text/plain").body("hello redis").when().put("/cache/{key}", key).then().statusCode(204);

        given().when().get("/cache/{key}", key).then().statusCode(200).body(equalTo("hello redis"));
    }

    @Test
    void missingKeyIs404() {
        given().when().get("/cache/{key}", "absent-" + System.nanoTime()).then().statusCode(404);
    }

    @Test
    void namedClientWritesToDatabaseOneWithATtlAndTheDefaultClientDoesNot() {
        String key = "db-check-" + System.nanoTime();

        given().contentType("text/plain").body("in db 1").when().put("/cache/{key}", key).then().statusCode(204);

        assertThat(server.command("EVAL", GET_IN_DB, "1", key, "1")).isEqualTo("in db 1");
        assertThat(Long.parseLong(server.command("EVAL", TTL_IN_DB, "1", key, "1")))
                .isBetween(1L, (long) CacheResource.TTL_SECONDS);
        // database 0, where the default client (and server.command) works, does not have it
        assertThat(server.command("EXISTS", key)).isEqualTo("0");
    }

    @Test
    void valueWrittenDirectlyToDatabaseOneIsServed() {
        String key = "direct-" + System.nanoTime();
        server.command("EVAL", "redis.call('SELECT', '1') return redis.call('SET', KEYS[1], ARGV[1])", "1", key, "from redis");
        server.command("SET", key, "from db 0");

        given().when().get("/cache/{key}", key).then().statusCode(200).body(equalTo("from redis"));
    }

    @Test
    void theTwoClientsHoldSeparateConnectionsToDatabasesZeroAndOne() {
        // make sure both clients have connected
        VisitsResourceTest.visit("connect-" + System.nanoTime());
        given().when().get("/cache/{key}", "connect-" + System.nanoTime()).then().statusCode(404);

        String clients = server.command("CLIENT", "LIST");
        assertThat(clients).contains(" db=0 ").contains(" db=1 ");
    }
}
