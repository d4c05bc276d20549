package dev.rediscdi.internal.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.rediscdi.RedisConnectionException;
import dev.rediscdi.RedisConnectionLostException;
import dev.rediscdi.RedisReplyException;
import dev.rediscdi.RedisTimeoutException;

class FaultToleranceConfigTest {

    private static FaultToleranceConfig read(String... keysAndValues) {
        ConfigProblems problems = new ConfigProblems();
        ClientConfig config = new ClientConfigReader(Configs.of(keysAndValues), problems).read(null);
        assertThat(problems.list()).isEmpty();
        return config.faultTolerance();
    }

    @Test
    void shouldBeOnByDefaultWithMicroProfileLikeValues() {
        FaultToleranceConfig config = read("redis.hosts", "redis://localhost:7000");

        assertThat(config.retry()).isEqualTo(new FaultToleranceConfig.Retry(3, Duration.ofMillis(100), Duration.ofMillis(50),
                Duration.ofSeconds(5), List.of(RedisConnectionException.class, RedisConnectionLostException.class), List.of(), false));
        assertThat(config.circuitBreaker()).isEqualTo(new FaultToleranceConfig.CircuitBreaker(20, 0.5, Duration.ofSeconds(2), 1));
        assertThat(config.health()).isEqualTo(new FaultToleranceConfig.Health(true, Duration.ofSeconds(2)));
    }

    @Test
    void shouldReadEveryKeyOfANamedClient() {
        ConfigProblems problems = new ConfigProblems();
        FaultToleranceConfig cache = new ClientConfigReader(Configs.of(
                "redis.cache.hosts", "redis://localhost:7000",
                "redis.cache.retry.max-retries", "-1",
                "redis.cache.retry.delay", "1s",
                "redis.cache.retry.jitter", "0ms",
                "redis.cache.retry.max-duration", "30s",
                "redis.cache.retry.retry-on", "dev.rediscdi.RedisTimeoutException, dev.rediscdi.RedisConnectionException",
                "redis.cache.retry.abort-on", "dev.rediscdi.RedisReplyException",
                "redis.cache.retry.non-idempotent", "true",
                "redis.cache.circuit-breaker.request-volume-threshold", "4",
                "redis.cache.circuit-breaker.failure-ratio", "0.75",
                "redis.cache.circuit-breaker.delay", "10s",
                "redis.cache.circuit-breaker.success-threshold", "3",
                "redis.cache.health.enabled", "false",
                "redis.cache.health.timeout", "300ms"), problems).read("cache").faultTolerance();

        assertThat(problems.list()).isEmpty();
        assertThat(cache.retry()).isEqualTo(new FaultToleranceConfig.Retry(-1, Duration.ofSeconds(1), Duration.ZERO, Duration.ofSeconds(30),
                List.of(RedisTimeoutException.class, RedisConnectionException.class), List.of(RedisReplyException.class), true));
        assertThat(cache.circuitBreaker()).isEqualTo(new FaultToleranceConfig.CircuitBreaker(4, 0.75, Duration.ofSeconds(10), 3));
        assertThat(cache.health()).isEqualTo(new FaultToleranceConfig.Health(false, Duration.ofMillis(300)));
    }

    @Test
    void shouldTurnRetriesAndBreakerOffOneByOne() {
        assertThat(read("redis.hosts", "redis://localhost:7000", "redis.retry.enabled", "false").retry()).isNull();
        assertThat(read("redis.hosts", "redis://localhost:7000", "redis.retry.enabled", "false").circuitBreaker()).isNotNull();
        assertThat(read("redis.hosts", "redis://localhost:7000", "redis.circuit-breaker.enabled", "false").circuitBreaker()).isNull();
    }

    @Test
    void shouldTurnEverythingButTheDeadlineOffWhenMicroProfileSaysSo() {
        FaultToleranceConfig config = read("redis.hosts", "redis://localhost:7000", "MP_Fault_Tolerance_NonFallback_Enabled", "false");

        assertThat(config.retry()).isNull();
        assertThat(config.circuitBreaker()).isNull();
    }

    @Test
    void shouldNameKeyValueAndFixOfEveryProblem() {
        ConfigProblems problems = Configs.problems("redis.hosts", "redis://localhost:7000",
                "redis.retry.max-retries", "-2",
                "redis.retry.retry-on", "dev.rediscdi.NoSuchException,java.lang.String",
                "redis.retry.delay", "10s",
                "redis.retry.max-duration", "5s",
                "redis.circuit-breaker.failure-ratio", "1.5",
                "redis.circuit-breaker.success-threshold", "0");

        assertThat(problems.list()).containsExactlyInAnyOrder(
                "redis.retry.max-retries = \"-2\": out of range. Fix: use a number of at least -1",
                "redis.retry.retry-on = \"dev.rediscdi.NoSuchException\": no such class. Fix: write fully qualified class names separated by commas, such as dev.rediscdi.RedisTimeoutException",
                "redis.retry.retry-on = \"java.lang.String\": not an exception class. Fix: name subclasses of java.lang.Throwable, such as dev.rediscdi.RedisTimeoutException",
                "redis.retry.max-duration = \"5s\": not longer than redis.retry.delay (10s): no retry could ever start. Fix: make it longer than the delay, or set redis.retry.enabled=false",
                "redis.circuit-breaker.failure-ratio = \"1.5\": not a ratio from 0 to 1. Fix: use a decimal number such as 0.5",
                "redis.circuit-breaker.success-threshold = \"0\": out of range. Fix: use a number of at least 1");
    }
}
