package dev.rediscdi.tests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.jboss.weld.environment.se.WeldContainer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import dev.rediscdi.BlockingRedisClient;
import dev.rediscdi.NamedRedisClient;
import dev.rediscdi.RedisConnectionException;
import dev.rediscdi.ReplyType;
import dev.rediscdi.testing.RedisServer;
import dev.rediscdi.testing.RedisServerExtension;

class AuthenticationIT {

    @RegisterExtension
    static final RedisServerExtension REDIS = new RedisServerExtension(RedisServer.builder()
            .password("default-pass")
            .aclUser("app", "app p@ss:word", "~app:* +@all"));

    @Test
    void shouldAuthenticateWithThePasswordProperty() {
        try (TestConfig config = TestConfig.of("redis.hosts", REDIS.server().uri(), "redis.password", "default-pass")) {
            WeldContainer container = Containers.boot();
            try {
                BlockingRedisClient redis = container.select(BlockingRedisClient.class).get();
                assertThat(redis.execute(ReplyType.STRING, "ACL", "WHOAMI")).isEqualTo("default");
            } finally {
                container.shutdown();
            }
        }
    }

    @Test
    void shouldAuthenticateAsAnAclUserFromPropertiesOrFromTheUri() {
        try (TestConfig config = TestConfig.of(
                "redis.hosts", REDIS.server().uri(), "redis.username", "app", "redis.password", "app p@ss:word",
                "redis.uri.hosts", REDIS.server().uri("app", "app p@ss:word"))) {
            WeldContainer container = Containers.boot();
            try {
                BlockingRedisClient redis = container.select(BlockingRedisClient.class).get();
                BlockingRedisClient fromUri = container.select(BlockingRedisClient.class, NamedRedisClient.Literal.of("uri")).get();

                assertThat(redis.execute(ReplyType.STRING, "ACL", "WHOAMI")).isEqualTo("app");
                assertThat(fromUri.execute(ReplyType.STRING, "ACL", "WHOAMI")).isEqualTo("app");
                assertThat(redis.execute(ReplyType.OK, "SET", "app:1", "v")).isTrue();
                assertThatThrownBy(() -> redis.send("SET", "other:1", "v"))
                        .isInstanceOf(dev.rediscdi.RedisReplyException.class)
                        .satisfies(e -> assertThat(((dev.rediscdi.RedisReplyException) e).code()).isEqualTo("NOPERM"));
            } finally {
                container.shutdown();
            }
        }
    }

    @Test
    void shouldFailWithAConnectionErrorOnAWrongPassword() {
        try (TestConfig config = TestConfig.of("redis.hosts", REDIS.server().uri(), "redis.password", "wrong-pass")) {
            WeldContainer container = Containers.boot();
            try {
                BlockingRedisClient redis = container.select(BlockingRedisClient.class).get();
                assertThatThrownBy(() -> redis.send("PING"))
                        .isInstanceOf(RedisConnectionException.class)
                        .hasMessageContaining("cannot connect to Redis")
                        .hasMessageNotContaining("wrong-pass");
            } finally {
                container.shutdown();
            }
        }
    }
}
