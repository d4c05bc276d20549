package dev.rediscdi.tests;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import jakarta.inject.Inject;

import org.jboss.weld.junit5.WeldInitiator;
import org.jboss.weld.junit5.WeldJunit5Extension;
import org.jboss.weld.junit5.WeldSetup;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

import dev.rediscdi.CommandResults;
import dev.rediscdi.RedisClient;
import dev.rediscdi.testing.RedisServer;
import dev.rediscdi.testing.RedisServerExtension;

/** Transactions from as many concurrent callers as a small web application has, on the default configuration. */
@ExtendWith(WeldJunit5Extension.class)
class ConcurrentTransactionsIT {
    private static final int CALLERS = 64;

    @RegisterExtension
    static final RedisServerExtension REDIS = new RedisServerExtension(RedisServer.builder());

    @RegisterExtension
    final TestConfig config = TestConfig.of("redis.hosts", REDIS.server().uri());

    @WeldSetup
    WeldInitiator weld = Containers.initiator();

    @Inject
    RedisClient redis;

    @Test
    void shouldRunSixtyFourConcurrentTransactionsWithoutAPoolError() throws Exception {
        String key = "tx:" + UUID.randomUUID();
        List<CompletableFuture<String>> outcomes = new ArrayList<>();
        for (int i = 0; i < CALLERS; i++) {
            outcomes.add(redis.transaction(tx -> tx.value(Long.class).incr(key)).toCompletableFuture()
                    .handle((CommandResults results, Throwable error) -> error == null ? "ok" : error.getClass().getSimpleName() + ": " + error.getMessage()));
        }
        Map<String, Integer> counted = new TreeMap<>();
        for (CompletableFuture<String> outcome : outcomes) {
            counted.merge(outcome.get(30, TimeUnit.SECONDS), 1, Integer::sum);
        }
        assertThat(counted).as("outcomes of %d concurrent transactions", CALLERS).containsExactly(Map.entry("ok", CALLERS));
        assertThat(REDIS.server().command("GET", key)).isEqualTo(String.valueOf(CALLERS));
    }
}
