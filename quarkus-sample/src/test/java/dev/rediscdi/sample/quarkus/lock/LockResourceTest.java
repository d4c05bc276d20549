package dev.rediscdi.sample.quarkus.lock;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import dev.rediscdi.sample.quarkus.RedisServerResource;
import dev.rediscdi.sample.quarkus.RedisServerResource.InjectRedisServer;
import dev.rediscdi.sample.quarkus.lock.LockResource.Lease;
import dev.rediscdi.testing.RedisServer;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
@WithTestResource(RedisServerResource.class)
class LockResourceTest {

    @InjectRedisServer
    RedisServer server;

    @Test
    void shouldGiveTheLockToOneHolderAtATime() {
        String name = name();
        Lease lease = acquire(name, "PT30S");

        assertThat(lease.token()).isNotBlank();
        assertThat(lease.ttlMillis()).isEqualTo(30_000);
        assertThat(server.command("GET", "lock:" + name)).isEqualTo(lease.token());
        assertThat(Long.parseLong(server.command("PTTL", "lock:" + name))).isBetween(1L, 30_000L);
        given().when().post("/locks/{name}", name).then().statusCode(409).body(containsString("held by someone else"));
    }

    @Test
    void shouldReleaseOnlyForTheHolderOfTheToken() {
        String name = name();
        Lease lease = acquire(name, "PT30S");

        given().when().delete("/locks/{name}?token=not-mine", name).then().statusCode(409).body(containsString("not held with this token"));
        assertThat(server.command("GET", "lock:" + name)).isEqualTo(lease.token());

        given().when().delete("/locks/{name}?token={token}", name, lease.token()).then().statusCode(204);
        assertThat(server.command("EXISTS", "lock:" + name)).isEqualTo("0");
        acquire(name, "PT30S");
    }

    @Test
    void shouldNotLetAnExpiredHolderReleaseTheNextHoldersLock() throws InterruptedException {
        String name = name();
        Lease first = acquire(name, "PT0.2S");
        Lease second = awaitAcquired(name, Duration.ofSeconds(5));

        given().when().delete("/locks/{name}?token={token}", name, first.token()).then().statusCode(409);

        assertThat(server.command("GET", "lock:" + name)).isEqualTo(second.token());
    }

    @Test
    void shouldRefuseABadTtlOrAMissingTokenSayingWhy() {
        given().when().post("/locks/{name}?ttl=forever", name()).then().statusCode(400).body(containsString("ttl=forever is not an ISO-8601 duration"));
        given().when().post("/locks/{name}?ttl=PT1H", name()).then().statusCode(400).body(containsString("out of range"));
        given().when().delete("/locks/{name}", name()).then().statusCode(400).body(containsString("token is missing"));
    }

    private static Lease acquire(String name, String ttl) {
        return given().when().post("/locks/{name}?ttl={ttl}", name, ttl).then().statusCode(200).extract().as(Lease.class);
    }

    /** Retries (every 50 ms, bounded) until the lock expired and could be taken. */
    private static Lease awaitAcquired(String name, Duration within) throws InterruptedException {
        long deadline = System.nanoTime() + within.toNanos();
        while (System.nanoTime() < deadline) {
            io.restassured.response.Response response = given().when().post("/locks/{name}?ttl=PT30S", name).andReturn();
            if (response.statusCode() == 200) {
                return response.as(Lease.class);
            }
            assertThat(response.statusCode()).isEqualTo(409);
            Thread.sleep(50);
        }
        throw new AssertionError("lock " + name + " did not expire within " + within);
    }

    private static String name() {
        return "lock-" + System.nanoTime();
    }
}
