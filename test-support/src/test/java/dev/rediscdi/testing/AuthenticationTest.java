package dev.rediscdi.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class AuthenticationTest {

    @Test
    void passwordIsRequired() {
        try (RedisServer server = RedisServer.builder().password("s3cret").start()) {
            assertThatThrownBy(() -> server.commandAs(null, null, "PING"))
                    .isInstanceOf(RedisCommandException.class).hasMessageStartingWith("NOAUTH");
            assertThatThrownBy(() -> server.commandAs(null, "wrong", "PING"))
                    .isInstanceOf(RedisCommandException.class).hasMessageContaining("WRONGPASS");
            assertThat(server.commandAs(null, "s3cret", "PING")).isEqualTo("PONG");
            assertThat(server.commandAs("default", "s3cret", "ACL", "WHOAMI")).isEqualTo("default");
            assertThat(server.command("PING")).isEqualTo("PONG");
            assertThat(server.command("CONFIG", "GET", "requirepass")).isEqualTo("requirepass\ns3cret");
            assertThat(server.uri()).doesNotContain("s3cret");
        }
    }

    @Test
    void aclUsersNextToThePassword() {
        try (RedisServer server = RedisServer.builder()
                .password("s3cret")
                .aclUser("app", "app pass", "~* &* +@all")
                .aclUser("reader", "rpass", "~* -@all +get +acl|whoami")
                .start()) {
            assertThat(server.command("ACL", "WHOAMI")).isEqualTo("default");
            assertThat(server.commandAs("app", "app pass", "SET", "k", "v")).isEqualTo("OK");
            assertThat(server.commandAs("reader", "rpass", "GET", "k")).isEqualTo("v");
            assertThatThrownBy(() -> server.commandAs("reader", "rpass", "SET", "k", "w"))
                    .isInstanceOf(RedisCommandException.class).hasMessageStartingWith("NOPERM");
            assertThatThrownBy(() -> server.commandAs("app", "wrong", "PING"))
                    .isInstanceOf(RedisCommandException.class).hasMessageStartingWith("WRONGPASS");
        }
    }

    @Test
    void defaultUserDisabled() {
        try (RedisServer server = RedisServer.builder()
                .password("s3cret")
                .aclUser("app", "apppass", "~* &* +@all")
                .disableDefaultUser()
                .start()) {
            assertThat(server.command("ACL", "WHOAMI")).isEqualTo("app");
            assertThat(server.commandAs("app", "apppass", "PING")).isEqualTo("PONG");
            assertThatThrownBy(() -> server.commandAs(null, null, "PING"))
                    .isInstanceOf(RedisCommandException.class).hasMessageStartingWith("NOAUTH");
            assertThatThrownBy(() -> server.commandAs(null, "s3cret", "PING"))
                    .isInstanceOf(RedisCommandException.class).hasMessageStartingWith("WRONGPASS");
            assertThatThrownBy(() -> server.commandAs("default", "s3cret", "PING"))
                    .isInstanceOf(RedisCommandException.class).hasMessageStartingWith("WRONGPASS");
        }
    }

    @Test
    void aclUserWithoutPasswordOnDefault() {
        try (RedisServer server = RedisServer.builder().aclUser("app", "apppass", "~* +@all").start()) {
            assertThat(server.command("ACL", "WHOAMI")).isEqualTo("default");
            assertThat(server.commandAs("app", "apppass", "ACL", "WHOAMI")).isEqualTo("app");
        }
    }

    @Test
    void uriCarriesEncodedUserInfo() {
        try (RedisServer server = RedisServer.builder().start()) {
            String hostAndPort = "127.0.0.1:" + server.port();
            assertThat(server.uri("app", "p@ss word:/"))
                    .isEqualTo("redis://app:p%40ss%20word%3A%2F@" + hostAndPort);
            assertThat(server.uri(null, "pw")).isEqualTo("redis://:pw@" + hostAndPort);
        }
    }
}
