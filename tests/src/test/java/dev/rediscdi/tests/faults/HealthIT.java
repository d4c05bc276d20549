package dev.rediscdi.tests.faults;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;
import org.jboss.weld.environment.se.WeldContainer;
import org.junit.jupiter.api.Test;

import dev.rediscdi.tests.Containers;
import dev.rediscdi.tests.Eventually;
import dev.rediscdi.tests.TestConfig;
import dev.rediscdi.testing.RedisServer;

/** The readiness checks the extension registers when MicroProfile Health is on the class path. */
class HealthIT {

    @Test
    void shouldReportEachClientDownAndUpAgain() throws Exception {
        try (RedisServer main = RedisServer.builder().start();
                RedisServer cache = RedisServer.builder().start();
                TestConfig config = TestConfig.of("redis.hosts", main.uri(), "redis.health.timeout", "500ms",
                        "redis.cache.hosts", cache.uri(), "redis.cache.health.timeout", "500ms", "redis.quiet.hosts", cache.uri(), "redis.quiet.health.enabled", "false");
                WeldContainer weld = Containers.boot()) {

            assertThat(Eventually.get(Duration.ofSeconds(10), () -> allUp(weld))).as("up once connected")
                    .containsExactly(Map.entry("redis", HealthCheckResponse.Status.UP), Map.entry("redis.cache", HealthCheckResponse.Status.UP));

            cache.freeze();
            try {
                HealthCheckResponse frozen = response(weld, "redis.cache");
                assertThat(frozen.getStatus()).isEqualTo(HealthCheckResponse.Status.DOWN);
                assertThat(frozen.getData()).hasValueSatisfying(data -> assertThat(data.get("error")).asString().contains("500 ms"));
            } finally {
                cache.unfreeze();
            }
            main.stop();
            assertThat(states(weld)).containsExactly(Map.entry("redis", HealthCheckResponse.Status.DOWN),
                    Map.entry("redis.cache", HealthCheckResponse.Status.UP));

            main.restart();
            assertThat(Eventually.get(Duration.ofSeconds(10), () -> allUp(weld))).hasSize(2);
        }
    }

    private static Map<String, HealthCheckResponse.Status> allUp(WeldContainer weld) {
        Map<String, HealthCheckResponse.Status> states = states(weld);
        if (states.containsValue(HealthCheckResponse.Status.DOWN)) {
            throw new IllegalStateException("not all up: " + states);
        }
        return states;
    }

    private static Map<String, HealthCheckResponse.Status> states(WeldContainer weld) {
        Map<String, HealthCheckResponse.Status> states = new TreeMap<>();
        weld.select(HealthCheck.class, Readiness.Literal.INSTANCE).forEach(check -> {
            HealthCheckResponse response = check.call();
            states.put(response.getName(), response.getStatus());
        });
        return states;
    }

    private static HealthCheckResponse response(WeldContainer weld, String name) {
        for (HealthCheck check : weld.select(HealthCheck.class, Readiness.Literal.INSTANCE)) {
            HealthCheckResponse response = check.call();
            if (response.getName().equals(name)) {
                return response;
            }
        }
        throw new AssertionError("no readiness check named " + name);
    }
}
