package dev.rediscdi.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;

class RedisServerTest {

    @Test
    void startsAnswersAndStopsWithoutLeavingAProcess() {
        long pid;
        Path directory;
        try (RedisServer server = RedisServer.builder().start()) {
            pid = server.pid();
            directory = server.directory();
            assertThat(server.host()).isEqualTo("127.0.0.1");
            assertThat(server.port()).isPositive().isNotEqualTo(6379);
            assertThat(server.uri()).isEqualTo("redis://127.0.0.1:" + server.port());
            assertThat(server.isRunning()).isTrue();
            assertThat(ProcessHandle.of(pid)).isPresent();
            assertThat(server.command("PING")).isEqualTo("PONG");
            assertThat(server.logTail()).contains("Ready to accept connections");

            server.stop();
            assertThat(ProcessHandle.of(pid).map(ProcessHandle::isAlive)).isNotEqualTo(java.util.Optional.of(true));
            assertThat(server.isRunning()).isFalse();
            server.stop(); // idempotent
            assertThat(directory).exists();
        }
        assertThat(Files.exists(directory)).isFalse();
    }

    @Test
    void rendersReplies() {
        try (RedisServer server = RedisServer.builder().start()) {
            assertThat(server.command("SET", "k", "välue with spaces")).isEqualTo("OK");
            assertThat(server.command("GET", "k")).isEqualTo("välue with spaces");
            assertThat(server.command("GET", "missing")).isNull();
            assertThat(server.command("INCR", "n")).isEqualTo("1");
            server.command("RPUSH", "list", "a", "b");
            assertThat(server.command("LRANGE", "list", "0", "-1")).isEqualTo("a\nb");
            assertThat(server.command("MGET", "k", "missing")).isEqualTo("välue with spaces\n(nil)");
            assertThatThrownBy(() -> server.command("NOSUCHCOMMAND"))
                    .isInstanceOf(RedisCommandException.class)
                    .satisfies(e -> assertThat(((RedisCommandException) e).error()).startsWith("ERR unknown command"));
        }
    }

    @Test
    void appliesDefaultsAndExtraConfiguration() {
        try (RedisServer server = RedisServer.builder()
                .config("maxmemory", "10mb")
                .config("appendonly", "yes")
                .start()) {
            assertThat(server.command("CONFIG", "GET", "maxmemory")).isEqualTo("maxmemory\n10485760");
            assertThat(server.command("CONFIG", "GET", "appendonly")).isEqualTo("appendonly\nyes");
            assertThat(server.command("CONFIG", "GET", "save")).isEqualTo("save\n");
            assertThat(server.command("CONFIG", "GET", "bind")).startsWith("bind\n127.0.0.1");
            assertThat(server.command("CONFIG", "GET", "dir")).endsWith("data");
        }
        assertThatThrownBy(() -> RedisServer.builder().config("port", "6379"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void debugCommandOnlyWhenEnabled() {
        try (RedisServer plain = RedisServer.builder().start();
             RedisServer debug = RedisServer.builder().enableDebugCommand().start()) {
            if (plain.binary().majorVersion() >= 7) {
                assertThatThrownBy(() -> plain.command("DEBUG", "SLEEP", "0"))
                        .isInstanceOf(RedisCommandException.class);
            }
            assertThat(debug.command("DEBUG", "SLEEP", "0")).isEqualTo("OK");
        }
    }

    @Test
    void reportsAFailedStartWithTheLog() {
        assertThatThrownBy(() -> RedisServer.builder().config("no-such-directive", "1").start())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("no-such-directive");
    }

    @Test
    void serversGetDistinctPorts() {
        try (RedisServer a = RedisServer.builder().start(); RedisServer b = RedisServer.builder().start()) {
            assertThat(a.port()).isNotEqualTo(b.port());
            a.command("SET", "where", "a");
            assertThat(b.command("GET", "where")).isNull();
        }
    }
}
