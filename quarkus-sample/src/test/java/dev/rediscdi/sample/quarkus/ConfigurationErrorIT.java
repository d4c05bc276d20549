package dev.rediscdi.sample.quarkus;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import dev.rediscdi.testing.RedisServer;

/**
 * A wrong {@code redis.*} value given when the packaged application starts (the build saw a right one): the
 * application does not start, and says what Quarkus says of its own configuration errors, the key, the value and the
 * fix, without a stack trace through ArC's synthetic beans.
 */
class ConfigurationErrorIT {

    @TempDir
    Path temp;

    @Test
    @Timeout(value = 90, unit = TimeUnit.SECONDS)
    void shouldRefuseToStartNamingTheKeyTheValueAndTheFix() throws Exception {
        try (RedisServer redis = RedisServer.builder().start()) {
            Path log = temp.resolve("app.log");
            int exit = SampleProcess.startExpectingFailure(SampleProcess.freePort(), log,
                    Map.of("REDIS_HOSTS", redis.uri(), "REDIS_CACHE_TIMEOUT", "5"));

            String output = Files.readString(log);
            assertThat(exit).as(output).isNotZero();
            assertThat(output).contains("redis.cache.timeout = \"5\": ")
                    .contains("Fix: write a number with a unit: 500ms, 10s, 2m, 1h")
                    .doesNotContain("Error creating synthetic bean")
                    .doesNotContainPattern("\\n\\s+at io\\.quarkus\\.arc\\.");
        }
    }
}
