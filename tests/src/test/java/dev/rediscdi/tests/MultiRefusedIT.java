package dev.rediscdi.tests;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import org.jboss.weld.environment.se.WeldContainer;
import org.junit.jupiter.api.Test;

import dev.rediscdi.RedisClient;
import dev.rediscdi.RedisReplyException;
import dev.rediscdi.testing.RedisServer;

/**
 * Redis refuses the transaction's MULTI itself (here: an ACL user without it; also LOADING, as Redis restarts). Sent
 * together with MULTI, the queued commands would then run on their own, outside any transaction, and EXEC fail with
 * "EXEC without MULTI": a transaction that ran though it failed. Nothing of it may run.
 */
class MultiRefusedIT {

    @Test
    void shouldRunNothingOfATransactionWhoseMultiRedisRefused() throws Exception {
        try (RedisServer server = RedisServer.builder().aclUser("app", "app-pass", "~* +@all -multi").start();
                TestConfig config = TestConfig.of("redis.hosts", server.uri("app", "app-pass"));
                WeldContainer weld = Containers.boot()) {
            RedisClient redis = weld.select(RedisClient.class).get();
            Eventually.get(Duration.ofSeconds(10), () -> redis.send("PING").toCompletableFuture().get(5, TimeUnit.SECONDS));

            Throwable failure;
            try {
                redis.transaction(tx -> {
                    tx.value(Long.class).incr("visits");
                    tx.value(String.class).set("last", "now");
                }).toCompletableFuture().get(10, TimeUnit.SECONDS);
                failure = null;
            } catch (ExecutionException e) {
                failure = e.getCause();
            }

            assertThat(server.command("EXISTS", "visits", "last")).as("commands of the transaction that ran").isEqualTo("0");
            assertThat(failure).isInstanceOf(RedisReplyException.class).hasMessageContaining("MULTI");
            assertThat(((RedisReplyException) failure).code()).isEqualTo("NOPERM");
        }
    }
}
