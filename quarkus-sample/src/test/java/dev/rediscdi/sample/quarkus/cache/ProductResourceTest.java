package dev.rediscdi.sample.quarkus.cache;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import dev.rediscdi.sample.quarkus.RedisServerResource;
import dev.rediscdi.sample.quarkus.RedisServerResource.InjectRedisServer;
import dev.rediscdi.testing.RedisServer;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
@WithTestResource(RedisServerResource.class)
class ProductResourceTest {

    @InjectRedisServer
    RedisServer server;

    @Inject
    ProductCatalog catalog;

    @Test
    void shouldLookUpOnceThenServeFromRedisWithTheTtl() {
        server.command("DEL", "product:honey");
        long before = catalog.lookups();

        given().when().get("/products/honey").then().statusCode(200).header("X-Cache", "miss")
                .body("id", equalTo("honey")).body("name", equalTo("Honey")).body("priceCents", equalTo(780));
        given().when().get("/products/honey").then().statusCode(200).header("X-Cache", "hit").body("name", equalTo("Honey"));
        given().when().get("/products/honey").then().statusCode(200).header("X-Cache", "hit");

        assertThat(catalog.lookups() - before).as("slow look-ups").isEqualTo(1);
        assertThat(server.command("GET", "product:honey")).contains("\"name\":\"Honey\"");
        assertThat(Long.parseLong(server.command("TTL", "product:honey"))).isBetween(1L, 30L);
    }

    @Test
    void shouldLookUpAgainOnceTheEntryIsGone() {
        given().when().get("/products/pear").then().statusCode(200);
        server.command("DEL", "product:pear"); // as its TTL would
        long before = catalog.lookups();

        given().when().get("/products/pear").then().statusCode(200).header("X-Cache", "miss");

        assertThat(catalog.lookups() - before).isEqualTo(1);
    }

    @Test
    void shouldServeWhatRedisHoldsEvenIfTheCatalogWouldSaySomethingElse() {
        server.command("SET", "product:coffee", "{\"id\":\"coffee\",\"name\":\"Cached coffee\",\"priceCents\":1}", "EX", "30");

        given().when().get("/products/coffee").then().statusCode(200).header("X-Cache", "hit").body("name", equalTo("Cached coffee"));
    }

    @Test
    void shouldAnswer404ForAnUnknownProductAndCacheNothing() {
        given().when().get("/products/unknown").then().statusCode(404);

        assertThat(server.command("EXISTS", "product:unknown")).isEqualTo("0");
    }
}
