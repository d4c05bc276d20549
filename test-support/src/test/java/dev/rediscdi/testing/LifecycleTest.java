package dev.rediscdi.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.Optional;

import org.junit.jupiter.api.Test;

class LifecycleTest {

    @Test
    void restartKeepsThePortAndTheConfiguration() {
        try (RedisServer server = RedisServer.builder().password("pw").start()) {
            int port = server.port();
            long firstPid = server.pid();
            server.restart();
            assertThat(server.port()).isEqualTo(port);
            assertThat(server.pid()).isNotEqualTo(firstPid);
            assertThat(alive(firstPid)).isFalse();
            assertThat(server.command("PING")).isEqualTo("PONG");
            assertThatThrownBy(() -> server.commandAs(null, null, "PING")).isInstanceOf(RedisCommandException.class);
        }
    }

    @Test
    void restartAfterACrashKeepsTheDataDirectory() {
        try (RedisServer server = RedisServer.builder().config("appendonly", "yes")
                .config("appendfsync", "always").start()) {
            int port = server.port();
            long pid = server.pid();
            server.command("SET", "survives", "yes");
            server.kill();
            assertThat(alive(pid)).isFalse();
            assertThat(server.isRunning()).isFalse();
            assertThatThrownBy(() -> server.command("PING")).isInstanceOf(UncheckedIOException.class);

            server.restart();
            assertThat(server.port()).isEqualTo(port);
            assertThat(server.command("GET", "survives")).isEqualTo("yes");
        }
    }

    @Test
    void restartAfterStop() {
        try (RedisServer server = RedisServer.builder().start()) {
            server.stop();
            server.restart();
            assertThat(server.command("PING")).isEqualTo("PONG");
        }
    }

    @Test
    void freezeAndUnfreeze() {
        try (RedisServer server = RedisServer.builder().start()) {
            server.freeze();
            assertThat(server.isRunning()).isTrue();
            assertThatThrownBy(() -> server.command(Duration.ofMillis(300), "PING"))
                    .isInstanceOf(UncheckedIOException.class)
                    .hasRootCauseInstanceOf(java.net.SocketTimeoutException.class);
            server.unfreeze();
            assertThat(server.command("PING")).isEqualTo("PONG");
        }
    }

    @Test
    void stopOfAFrozenServer() {
        RedisServer server = RedisServer.builder().start();
        long pid = server.pid();
        server.freeze();
        long start = System.nanoTime();
        server.close();
        assertThat(alive(pid)).isFalse();
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(4));
    }

    @Test
    void closedServerCannotRestart() {
        RedisServer server = RedisServer.builder().start();
        server.close();
        server.close();
        assertThatThrownBy(server::restart).isInstanceOf(IllegalStateException.class);
    }

    private static boolean alive(long pid) {
        return ProcessHandle.of(pid).map(ProcessHandle::isAlive).equals(Optional.of(true));
    }
}
