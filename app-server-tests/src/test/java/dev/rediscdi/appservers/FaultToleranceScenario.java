package dev.rediscdi.appservers;

import static dev.rediscdi.appservers.RedisApp.Client.CACHE;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.rediscdi.appservers.harness.AppClient;

/**
 * Fault tolerance while Redis is frozen ({@code SIGSTOP}: connections stay open, nothing answers): the library's
 * policy from properties on the {@code cache} client, and MicroProfile Fault Tolerance annotations on an
 * application bean, applied by the server's own implementation. Every request goes through a browser that gives
 * up after {@link #HANG}: an application that hangs fails the test.
 */
interface FaultToleranceScenario extends Scenario {

    /** Far above every deadline of the application (400 ms, 500 ms): a request still unanswered then hangs. */
    Duration HANG = Duration.ofSeconds(5);
    /** Calls made while frozen, at most: enough for the breaker of 4 to judge and open. */
    int MAX_FROZEN_CALLS = 12;

    @Test
    default void shouldFailFastWithTheLibrarysTimeoutThenItsOpenCircuitWhileRedisIsFrozen() {
        RedisApp app = new RedisApp(new AppClient(HANG), server());
        String key = key();
        // the first command of a client opens its connection, which on a server just started may take longer
        // than the 400 ms deadline: start from a client that answers
        Eventually.status(204, RECOVERY, () -> app.write(CACHE, key, "cached"));

        List<HttpResponse<String>> answers = new ArrayList<>();
        redis().freeze();
        try {
            for (int call = 0; call < MAX_FROZEN_CALLS && !timedOutThenOpen(answers); call++) {
                answers.add(app.read(CACHE, key));
            }
        } finally {
            redis().unfreeze();
        }

        assertThat(answers).as("each call answered with the library's error, none hung")
                .allSatisfy(answer -> assertThat(answer.statusCode() + " " + answer.body())
                        .matches("504 RedisTimeoutException: .*|503 RedisCircuitOpenException: .*"));
        assertThat(timedOutThenOpen(answers)).as("a timeout (504), then the open breaker (503): "
                + answers.stream().map(HttpResponse::statusCode).toList()).isTrue();
        assertThat(Eventually.status(200, RECOVERY, () -> app.read(CACHE, key)).body()).isEqualTo("cached");
    }

    @Test
    default void shouldAnswerFromTheFallbackOfTheApplicationsAnnotationsWhileRedisIsFrozen() {
        RedisApp app = new RedisApp(new AppClient(HANG), server());
        String sku = key();
        redis().command("SET", "stock:" + sku, "7");
        // as above: a cold first call may exceed @Timeout(500) and answer from the fallback
        Eventually.body("7", RECOVERY, () -> app.stock(sku));

        HttpResponse<String> frozen;
        redis().freeze();
        try {
            frozen = app.stock(sku);
        } finally {
            redis().unfreeze();
        }

        assertThat(frozen.statusCode()).isEqualTo(200);
        assertThat(frozen.body()).as("@Timeout(500) fired long before the client's own 10 s deadline; @Fallback answered")
                .isEqualTo("unknown (fallback after org.eclipse.microprofile.faulttolerance.exceptions.TimeoutException)");
        Eventually.body("7", RECOVERY, () -> app.stock(sku));
    }

    private static boolean timedOutThenOpen(List<HttpResponse<String>> answers) {
        int firstTimeout = -1;
        for (int i = 0; i < answers.size(); i++) {
            int status = answers.get(i).statusCode();
            if (status == 504 && firstTimeout < 0) {
                firstTimeout = i;
            } else if (status == 503 && firstTimeout >= 0) {
                return true;
            }
        }
        return false;
    }
}
