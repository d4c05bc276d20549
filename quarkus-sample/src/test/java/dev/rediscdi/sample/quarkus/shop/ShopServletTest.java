package dev.rediscdi.sample.quarkus.shop;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;

import org.junit.jupiter.api.Test;

import dev.rediscdi.sample.quarkus.RedisServerResource;
import dev.rediscdi.sample.quarkus.RedisServerResource.InjectRedisServer;
import dev.rediscdi.testing.RedisServer;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/** The shop page on Undertow, its session kept by the session store in the Redis the test started. */
@QuarkusTest
@WithTestResource(RedisServerResource.class)
class ShopServletTest {

    private static final String COOKIE = "SESSION";

    @InjectRedisServer
    RedisServer server;

    @Test
    void shouldShowTheLoginFormToAVisitorWithoutCreatingASession() {
        Response page = given().redirects().follow(false).when().get("/shop").andReturn();

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body().asString()).contains("<form method=\"post\" action=\"/shop/login\">");
        assertThat(page.cookie(COOKIE)).isNull();
    }

    @Test
    void shouldKeepTheLoginAndTheCartInARedisSession() {
        String session = login("ann");

        add(session, "tea", "2").then().statusCode(303);
        add(session, "apple", "3").then().statusCode(303);
        add(session, "tea", "1").then().statusCode(303);

        String page = page(session);
        assertThat(page).contains("<strong id=\"who\">ann</strong>")
                .contains("<tr data-product=\"tea\"><td>Green tea</td><td class=\"quantity\">3</td></tr>")
                .contains("<tr data-product=\"apple\"><td>Apple</td><td class=\"quantity\">3</td></tr>");
        String key = sessionKey(session);
        assertThat(server.command("HKEYS", key)).contains("=user").contains("=cart");
        assertThat(Long.parseLong(server.command("TTL", key))).isPositive();
    }

    @Test
    void shouldForgetTheUserWhenRedisNoLongerHasTheSession() {
        String session = login("bea");

        server.command("DEL", sessionKey(session));

        assertThat(page(session)).contains("action=\"/shop/login\"").doesNotContain("bea");
    }

    @Test
    void shouldGiveANewSessionIdAtLoginAndDeleteTheSessionAtLogout() {
        Response visitor = given().redirects().follow(false).formParam("user", "x").when().post("/shop/login").andReturn();
        String first = visitor.cookie(COOKIE);
        Response again = given().redirects().follow(false).cookie(COOKIE, first).formParam("user", "cid").when().post("/shop/login").andReturn();
        String rotated = again.cookie(COOKIE);
        assertThat(rotated).isNotNull().isNotEqualTo(first);

        given().redirects().follow(false).cookie(COOKIE, rotated).when().post("/shop/logout").then().statusCode(303);

        assertThat(server.command("EXISTS", sessionKey(rotated))).isEqualTo("0");
        assertThat(page(rotated)).contains("action=\"/shop/login\"");
    }

    @Test
    void shouldRefuseBadInputSayingWhyAndEscapeWhatUsersTyped() {
        given().redirects().follow(false).formParam("user", " ").when().post("/shop/login").then().statusCode(400)
                .body(containsString("A name is 1 to 40 characters."));
        String session = login("<script>alert(1)</script>");

        add(session, "caviar", "1").then().statusCode(400).body(containsString("Unknown product"));
        add(session, "tea", "100").then().statusCode(400).body(containsString("from 1 to 99"));
        add(session, "tea", "lots").then().statusCode(400);

        assertThat(page(session)).contains("&lt;script&gt;alert(1)&lt;/script&gt;").doesNotContain("<script>alert(1)</script>")
                .doesNotContain("data-product=");
    }

    @Test
    void shouldNotAddToTheCartOfSomeoneNotLoggedIn() {
        given().redirects().follow(false).formParam("product", "tea").formParam("quantity", "1").when().post("/shop/cart")
                .then().statusCode(303).header("Set-Cookie", not(containsString(COOKIE)));
    }

    private static String login(String user) {
        Response response = given().redirects().follow(false).formParam("user", user).when().post("/shop/login").andReturn();
        assertThat(response.statusCode()).isEqualTo(303);
        assertThat(response.header("Location")).endsWith("/shop");
        String session = response.cookie(COOKIE);
        assertThat(session).as("session cookie").isNotBlank();
        // Undertow here drops SameSite from a servlet Cookie: the session store writes the header itself
        assertThat(response.headers().getValues("Set-Cookie")).filteredOn(header -> header.startsWith(COOKIE + "="))
                .singleElement().asString().isEqualTo(COOKIE + "=" + session + "; Path=/; HttpOnly; SameSite=Lax");
        return session;
    }

    private static Response add(String session, String product, String quantity) {
        return given().redirects().follow(false).cookie(COOKIE, session).formParam("product", product).formParam("quantity", quantity)
                .when().post("/shop/cart").andReturn();
    }

    private static String page(String session) {
        return given().redirects().follow(false).cookie(COOKIE, session).when().get("/shop").then().statusCode(200).extract().asString();
    }

    /** The store's hash of a session: {@code session:s:{SHARD}ID}, the shard being the id's first character. */
    private static String sessionKey(String id) {
        return "session:s:{" + id.charAt(0) + "}" + id;
    }
}
