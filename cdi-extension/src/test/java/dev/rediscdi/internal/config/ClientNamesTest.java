package dev.rediscdi.internal.config;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ClientNamesTest {

    @Test
    void shouldFindDefaultAndNamedClients() {
        ConfigProblems problems = new ConfigProblems();
        ClientNames.Discovery discovery = ClientNames.discover(Configs.of(
                "redis.hosts", "redis://localhost:7000",
                "redis.cache.hosts", "redis://localhost:7001",
                "redis.cache.timeout", "2s",
                "redis.orders-eu.hosts", "redis://localhost:7002",
                "other.hosts", "ignored"), problems);

        assertThat(problems.list()).isEmpty();
        assertThat(discovery.hasDefault()).isTrue();
        assertThat(discovery.named()).containsExactly("cache", "orders-eu");
    }

    @Test
    void shouldFindNoClientWithoutConfiguration() {
        ConfigProblems problems = new ConfigProblems();
        ClientNames.Discovery discovery = ClientNames.discover(Configs.of("app.name", "x"), problems);

        assertThat(problems.list()).isEmpty();
        assertThat(discovery.hasDefault()).isFalse();
        assertThat(discovery.named()).isEmpty();
    }

    @Test
    void shouldSuggestTheNearestKeyForAMistypedDefaultKey() {
        assertThat(Configs.problems("redis.hosts", "redis://localhost:7000", "redis.hots", "x").list())
                .containsExactly("redis.hots: unknown property. Fix: did you mean redis.hosts?");
    }

    @Test
    void shouldSuggestTheNearestKeyForAMistypedNamedKey() {
        assertThat(Configs.problems("redis.cache.hosts", "redis://localhost:7000", "redis.cache.timout", "1s").list())
                .containsExactly("redis.cache.timout: unknown property. Fix: did you mean redis.cache.timeout?");
    }

    @Test
    void shouldSuggestTheNearestKeyForAMistypedTlsKey() {
        assertThat(Configs.problems("redis.hosts", "rediss://localhost:7000", "redis.tls.trust-store-pasword", "x").list())
                .containsExactly("redis.tls.trust-store-pasword: unknown property. Fix: did you mean redis.tls.trust-store-password?");
    }

    @Test
    void shouldRejectAClientNamedLikeAProperty() {
        assertThat(Configs.problems("redis.tls.hosts", "redis://localhost:7000").list()).containsExactly(
                "redis.tls.hosts: \"tls\" cannot be a client name: redis.tls is a property of the default client. Fix: choose another client name");
    }

    @Test
    void shouldRejectNamedClientWithoutHosts() {
        assertThat(Configs.problems("redis.cache.timeout", "1s").list()).containsExactly(
                "redis.cache.timeout: configures client \"cache\", but redis.cache.hosts is not set. "
                        + "Fix: set redis.cache.hosts=redis://host:port, or remove the keys");
    }

    @Test
    void shouldRejectDefaultKeysWithoutDefaultHosts() {
        assertThat(Configs.problems("redis.timeout", "1s", "redis.cache.hosts", "redis://localhost:7000").list()).containsExactly(
                "redis.timeout: configures the default client, but redis.hosts is not set. Fix: set redis.hosts "
                        + "(for example redis.hosts=redis://localhost:6379), or move the keys to a named client: redis.<name>.<key>");
    }

    @Test
    void shouldRejectInvalidClientName() {
        assertThat(Configs.problems("redis.ca$he.hosts", "redis://localhost:7000").list()).containsExactly(
                "redis.ca$he.hosts: \"ca$he\" is not a valid client name. Fix: use letters, digits, '_' and '-' only, as in redis.orders.hosts");
    }

    /** The build sets REDIS_URL and REDIS_SERVER_BINARY for this test JVM, as platforms and tools do for their own use. */
    @Test
    void shouldLeaveKeysFromTheEnvironmentToThoseWhoSetThem() {
        assertThat(System.getenv("REDIS_URL")).as("set by the surefire configuration").isNotNull();
        ConfigProblems problems = new ConfigProblems();

        ClientNames.discover(Configs.of("redis.hosts", "redis://localhost:7000", "redis.url", "redis://elsewhere:6379",
                "redis.server.binary", "/usr/bin/redis-server", "redis.urls", "typo"), problems);

        assertThat(problems.list()).containsExactly("redis.urls: unknown property. Fix: remove it; the README lists every key");
    }
}
