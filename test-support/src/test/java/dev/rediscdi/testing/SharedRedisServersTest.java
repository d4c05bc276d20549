package dev.rediscdi.testing;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SharedRedisServersTest {

    @Test
    void sameServerByNameRestartedWhenFoundStopped() {
        RedisServer first = SharedRedisServers.get("shared-test", RedisServer::builder);
        assertThat(SharedRedisServers.get("shared-test", RedisServer::builder)).isSameAs(first);
        int port = first.port();
        first.kill();
        RedisServer again = SharedRedisServers.get("shared-test", RedisServer::builder);
        assertThat(again).isSameAs(first);
        assertThat(again.port()).isEqualTo(port);
        assertThat(again.command("PING")).isEqualTo("PONG");
    }
}
