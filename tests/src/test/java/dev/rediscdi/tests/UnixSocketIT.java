package dev.rediscdi.tests;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import org.jboss.weld.environment.se.WeldContainer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import dev.rediscdi.BlockingRedisClient;
import dev.rediscdi.ReplyType;
import dev.rediscdi.testing.RedisServer;
import dev.rediscdi.testing.RedisServerExtension;

class UnixSocketIT {
    private static final Path SOCKET = Path.of(System.getProperty("java.io.tmpdir"), "redis-cdi-" + ProcessHandle.current().pid() + ".sock");

    @RegisterExtension
    static final RedisServerExtension REDIS = new RedisServerExtension(RedisServer.builder()
            .password("socket-pass")
            .config("unixsocket", SOCKET.toString())
            .config("unixsocketperm", "700"));

    @Test
    void shouldConnectOverAUnixSocketWithAPassword() {
        try (TestConfig config = TestConfig.of("redis.hosts", "unix://" + SOCKET, "redis.password", "socket-pass")) {
            WeldContainer container = Containers.boot();
            try {
                BlockingRedisClient redis = container.select(BlockingRedisClient.class).get();
                redis.send("SET", "over-socket", "yes");

                assertThat(redis.execute(ReplyType.STRING, "GET", "over-socket")).isEqualTo("yes");
                assertThat(REDIS.server().command("CLIENT", "LIST")).contains("addr=" + SOCKET);
            } finally {
                container.shutdown();
            }
        }
    }
}
