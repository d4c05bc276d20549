package dev.rediscdi.tests.typed;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import jakarta.inject.Inject;

import org.jboss.weld.junit5.WeldInitiator;
import org.jboss.weld.junit5.WeldJunit5Extension;
import org.jboss.weld.junit5.WeldSetup;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

import dev.rediscdi.BlockingRedisClient;
import dev.rediscdi.RedisClient;
import dev.rediscdi.ReplyType;
import dev.rediscdi.testing.RedisServer;
import dev.rediscdi.testing.SharedRedisServers;
import dev.rediscdi.tests.Containers;
import dev.rediscdi.tests.TestConfig;

/**
 * Runs its subclass' tests against one protocol: each contract has a RESP2 and a RESP3 subclass, since reply
 * shapes differ (maps, score pairs, doubles). One shared server, random keys per test.
 */
@ExtendWith(WeldJunit5Extension.class)
abstract class ProtocolContract {

    @RegisterExtension
    final TestConfig config = TestConfig.of("redis.hosts", server().uri(), "redis.protocol", protocol(), "redis.connections", "4");

    @WeldSetup
    WeldInitiator weld = Containers.initiator();

    @Inject
    RedisClient redis;

    @Inject
    BlockingRedisClient blocking;

    /** A prefix of this test's keys. */
    final String key = "typed:" + UUID.randomUUID() + ":";

    /** {@code resp2} or {@code resp3}. */
    abstract String protocol();

    static RedisServer server() {
        return SharedRedisServers.get("typed-commands", RedisServer::builder);
    }

    static <T> T await(CompletionStage<T> stage) throws Exception {
        return stage.toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    /** The exception a stage failed with. */
    static Throwable failure(CompletionStage<?> stage) throws Exception {
        try {
            stage.toCompletableFuture().get(10, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            return e.getCause();
        }
        throw new AssertionError("the stage succeeded");
    }

    @Test
    void shouldTalkTheProtocolOfTheContract() throws Exception {
        String info = await(redis.execute(ReplyType.STRING, "CLIENT", "INFO"));
        assertThat(info).contains("resp=" + protocol().substring(4));
    }
}
