package dev.rediscdi.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class RedisServerExtensionTest {

    @RegisterExtension
    static final RedisServerExtension REDIS = new RedisServerExtension(RedisServer.builder().password("x"));

    private static final Set<Long> PIDS = new HashSet<>();

    @Test
    void providesAServer() {
        assertThat(REDIS.server().command("PING")).isEqualTo("PONG");
        PIDS.add(REDIS.server().pid());
    }

    @Test
    void resolvesParameters(RedisServer server) {
        assertThat(server).isSameAs(REDIS.server());
        PIDS.add(server.pid());
    }

    @Nested
    class InANestedClass {
        @Test
        void seesTheSameServer(RedisServer server) {
            assertThat(server).isSameAs(REDIS.server());
            PIDS.add(server.pid());
        }
    }

    @AfterAll
    static void oneServerForTheClass() {
        assertThat(PIDS).hasSize(1);
    }

    abstract static class PerTest {
        private static final Set<Long> PIDS = new HashSet<>();

        @RegisterExtension
        final RedisServerExtension redis = new RedisServerExtension();

        @Test
        void first() {
            assertThat(redis.server().command("PING")).isEqualTo("PONG");
            assertThat(PIDS.add(redis.server().pid())).isTrue();
        }

        @Test
        void second() {
            assertThat(redis.server().command("PING")).isEqualTo("PONG");
            assertThat(PIDS.add(redis.server().pid())).isTrue();
        }
    }

    @Nested
    class PerTestInstance extends PerTest {
    }
}
