package dev.rediscdi.appservers;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import dev.rediscdi.appservers.harness.AppClient;

/**
 * MicroProfile Health readiness as the server reports it (WildFly on its management interface, Liberty on its
 * HTTP port): the library's check per client, {@code redis} and {@code redis.cache}, next to the server's own.
 */
interface HealthScenario extends Scenario {

    /** A frozen Redis takes each check its {@code health.timeout} (2 s, 1 s) to report down. */
    Duration DOWN_WITHIN = Duration.ofSeconds(20);

    @Test
    default void shouldReportEachClientDownWhileRedisIsFrozenAndUpAgain() {
        RedisApp app = new RedisApp(new AppClient(), server());
        HealthReport up = HealthReport.of(Eventually.status(200, RECOVERY, app::readiness));
        assertThat(up.status()).isEqualTo("UP");
        assertThat(up.check("redis").status()).isEqualTo("UP");
        assertThat(up.check("redis.cache").status()).isEqualTo("UP");

        HealthReport down;
        redis().freeze();
        try {
            down = HealthReport.of(Eventually.status(503, DOWN_WITHIN, app::readiness));
        } finally {
            redis().unfreeze();
        }

        assertThat(down.status()).isEqualTo("DOWN");
        assertThat(down.check("redis").status()).isEqualTo("DOWN");
        assertThat(down.check("redis").data()).as("why").containsKey("error");
        assertThat(down.check("redis.cache").status()).isEqualTo("DOWN");
        HealthReport again = HealthReport.of(Eventually.status(200, RECOVERY, app::readiness));
        assertThat(again.status()).isEqualTo("UP");
        assertThat(again.check("redis").status()).isEqualTo("UP");
        assertThat(again.check("redis.cache").status()).isEqualTo("UP");
    }
}
