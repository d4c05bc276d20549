package dev.rediscdi.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;

import org.junit.jupiter.api.Test;

class RedisBinaryTest {

    @Test
    void locatesAndDescribesTheBinary() {
        RedisBinary binary = RedisBinary.locate();
        assertThat(binary).isSameAs(RedisBinary.locate());
        assertThat(Files.isExecutable(binary.path())).isTrue();
        assertThat(binary.version()).matches("\\d+\\.\\d+\\.\\d+");
        assertThat(binary.majorVersion()).isGreaterThanOrEqualTo(6);
        if (System.getenv(RedisBinary.OVERRIDE) == null && RedisBinary.findExecutable("redis-server").isPresent()) {
            assertThat(binary.isFromPath()).isTrue();
        }
    }

    @Test
    void findsRedisCliWhenInstalled() {
        RedisBinary.locateCli().ifPresent(cli -> assertThat(Files.isExecutable(cli)).isTrue());
    }

    @Test
    void extractsTheEmbeddedBinaryOnceAndRunsIt() {
        RedisBinary embedded = RedisBinary.embedded();
        assertThat(embedded).isSameAs(RedisBinary.embedded());
        assertThat(embedded.isFromPath()).isFalse();
        assertThat(embedded.path().getFileName().toString()).startsWith("redis-server-6.2");
        assertThat(Files.isExecutable(embedded.path())).isTrue();
        assertThat(embedded.version()).startsWith("6.2.");

        try (RedisServer server = RedisServer.builder().binary(embedded).password("pw").start()) {
            assertThat(server.binary()).isSameAs(embedded);
            assertThat(server.command("PING")).isEqualTo("PONG");
            assertThat(server.command("INFO", "server")).contains("redis_version:6.2.");
        }
    }

    @Test
    void tlsProbeOfTheEmbeddedBinaryMatchesWhatItCanDo() {
        RedisBinary embedded = RedisBinary.embedded();
        if (embedded.supportsTls()) {
            try (RedisServer server = RedisServer.builder().binary(embedded).tls().start()) {
                assertThat(server.command("PING")).isEqualTo("PONG");
            }
        }
    }

    @Test
    void confQuoting() {
        assertThat(RedisConf.quote("plain")).isEqualTo("plain");
        assertThat(RedisConf.quote("")).isEqualTo("\"\"");
        assertThat(RedisConf.quote("a b\"c\\d'é")).isEqualTo("\"a b\\\"c\\\\d'\\xc3\\xa9\"");
    }
}
