package dev.rediscdi.tests;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import jakarta.inject.Inject;

import org.jboss.weld.junit5.WeldInitiator;
import org.jboss.weld.junit5.WeldJunit5Extension;
import org.jboss.weld.junit5.WeldSetup;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

import dev.rediscdi.RedisClient;
import dev.rediscdi.RedisReplyException;
import dev.rediscdi.testing.RedisServer;
import dev.rediscdi.testing.RedisServerExtension;

/** A transaction Redis refuses to queue (here: out of memory) runs nothing, and says which command and why. */
@ExtendWith(WeldJunit5Extension.class)
class TransactionRefusedIT {

    @RegisterExtension
    static final RedisServerExtension REDIS = new RedisServerExtension(RedisServer.builder());

    @RegisterExtension
    final TestConfig config = TestConfig.of("redis.hosts", REDIS.server().uri());

    @WeldSetup
    WeldInitiator weld = Containers.initiator();

    @Inject
    RedisClient redis;

    @Test
    void shouldFailWithExecAbortNamingTheRefusalAndRunNothing() throws Exception {
        String key = "refused:" + UUID.randomUUID();
        redis.send("PING").toCompletableFuture().get(5, TimeUnit.SECONDS);
        AtomicReference<CompletionStage<Long>> counted = new AtomicReference<>();
        Throwable failure;
        REDIS.server().command("CONFIG", "SET", "maxmemory-policy", "noeviction");
        REDIS.server().command("CONFIG", "SET", "maxmemory", "1");
        try {
            failure = failureOf(redis.transaction(tx -> {
                counted.set(tx.value(Long.class).incr(key + "n"));
                tx.value(String.class).set(key, "v");
            }));
        } finally {
            REDIS.server().command("CONFIG", "SET", "maxmemory", "0");
        }

        assertThat(failure).isInstanceOf(RedisReplyException.class).hasMessageContaining("OOM");
        assertThat(((RedisReplyException) failure).code()).isEqualTo("EXECABORT");
        assertThat(failureOf(counted.get())).as("the queued command's own stage").isSameAs(failure);
        assertThat(REDIS.server().command("EXISTS", key + "n")).isEqualTo("0");
        assertThat(redis.transaction(tx -> tx.value(Long.class).incr(key + "n")).toCompletableFuture().get(5, TimeUnit.SECONDS).<Long>get(0))
                .as("the next transaction runs").isEqualTo(1L);
    }

    private static Throwable failureOf(CompletionStage<?> stage) throws Exception {
        try {
            stage.toCompletableFuture().get(5, TimeUnit.SECONDS);
            return null;
        } catch (ExecutionException e) {
            return e.getCause();
        }
    }
}
