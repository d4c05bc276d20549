package dev.rediscdi.tests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jboss.weld.environment.se.WeldContainer;
import org.junit.jupiter.api.Test;

import dev.rediscdi.BlockingRedisClient;
import dev.rediscdi.NamedRedisClient;
import dev.rediscdi.RedisClient;
import io.vertx.redis.client.Redis;

/** Start-up fails once, listing every problem; no configuration means no beans. */
class DeploymentErrorsIT {

    @ApplicationScoped
    static class OrdersService {
        @Inject
        RedisClient redis;
        @Inject
        @NamedRedisClient("orders")
        BlockingRedisClient orders;
    }

    @Test
    void shouldListEveryConfigurationProblemInOneDeploymentError() {
        try (TestConfig config = TestConfig.of(
                "redis.hosts", "redis://localhost:99999",
                "redis.timeout", "10",
                "redis.hots", "redis://localhost:7000",
                "redis.cache.hosts", "redis://localhost:7001",
                "redis.cache.max-pool-size", "lots")) {
            assertThatThrownBy(Containers::boot)
                    .hasMessageContaining("Invalid Redis configuration (4 problems):" + System.lineSeparator()
                            + "  1. redis.hots: unknown property. Fix: did you mean redis.hosts?" + System.lineSeparator()
                            + "  2. redis.hosts = \"redis://localhost:99999\": port 99999 is out of range. Fix: use a port from 1 to 65535"
                            + System.lineSeparator()
                            + "  3. redis.timeout = \"10\": not a duration. Fix: write a number with a unit: 500ms, 10s, 2m, 1h (or ISO-8601 such as PT10S)"
                            + System.lineSeparator()
                            + "  4. redis.cache.max-pool-size = \"lots\": not a whole number. Fix: use a whole number of at least 1, for example redis.cache.max-pool-size=6");
        }
    }

    @Test
    void shouldRegisterNoBeanWithoutConfiguration() {
        try (TestConfig config = TestConfig.of("app.name", "no redis here")) {
            WeldContainer container = Containers.boot();
            try {
                assertThat(container.getBeanManager().getBeans(RedisClient.class)).isEmpty();
                assertThat(container.getBeanManager().getBeans(Redis.class)).isEmpty();
            } finally {
                container.shutdown();
            }
        }
    }

    @Test
    void shouldExplainAnInjectionOfAClientNobodyConfigured() {
        try (TestConfig config = TestConfig.of("app.name", "no redis here")) {
            assertThatThrownBy(() -> Containers.boot(OrdersService.class))
                    .hasMessageContaining("Invalid Redis configuration (2 problems):")
                    .hasMessageContaining("1. dev.rediscdi.tests.DeploymentErrorsIT$OrdersService.redis injects the default Redis client, "
                            + "but redis.hosts is not set. Fix: set redis.hosts=redis://host:port")
                    .hasMessageContaining("2. dev.rediscdi.tests.DeploymentErrorsIT$OrdersService.orders injects the Redis client \"orders\", "
                            + "but redis.orders.hosts is not set. Fix: set redis.orders.hosts=redis://host:port");
        }
    }
}
