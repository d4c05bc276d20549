package dev.rediscdi.sample.quarkus.context;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import dev.rediscdi.sample.quarkus.RedisServerResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * On Quarkus (ArC), continuations registered on the library's stages run within the request that registered them:
 * the same {@code @RequestScoped} bean two stages later, the application's class loader, and never on the
 * client's event loops: a reactive endpoint resumes on its own Vert.x context, a blocking one off the event loop.
 */
@QuarkusTest
@WithTestResource(RedisServerResource.class)
class ContinuationContextTest {

    @Test
    void aReactiveEndpointResumesOnItsOwnContextWithItsRequestScope() {
        for (int i = 0; i < 20; i++) {
            String seen = probe("reactive");
            assertThat(seen).contains("registeredOnEventLoop=true", "marker=same", "context=same", "loader=same", "eventLoop=true");
        }
    }

    @Test
    void aBlockingEndpointResumesOffTheEventLoopWithItsRequestScope() {
        for (int i = 0; i < 20; i++) {
            String seen = probe("blocking");
            assertThat(seen).contains("registeredOnEventLoop=false", "marker=same", "loader=same", "eventLoop=false");
        }
    }

    private static String probe(String endpoint) {
        return given().when().get("/test/continuations/{endpoint}", endpoint).then().statusCode(200).extract().asString();
    }
}
