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
import dev.rediscdi.ReplyType;
import dev.rediscdi.testing.RedisServer;
import dev.rediscdi.testing.RedisServerExtension;

/**
 * The driver's pool fails past 6 + 24 concurrent commands by default; the pipelined client must not, and
 * transactions (each on a connection of its own) wait their turn instead.
 */
@ExtendWith(WeldJunit5Extension.class)
class ConcurrencyIT {
    private static final int REQUESTS = 10_000;

    @RegisterExtension
    static final RedisServerExtension REDIS = new RedisServerExtension(RedisServer.builder());

    @RegisterExtension
    final TestConfig config = TestConfig.of("redis.hosts", REDIS.server().uri());

    @WeldSetup
    WeldInitiator weld = Containers.initiator();

    @Inject
    RedisClient redis;


    @Test
    void shouldCompleteTenThousandConcurrentRequestsWithDefaultConfiguration() throws Exception {
        String prefix = "c:" + UUID.randomUUID() + ":";
        List<CompletableFuture<String>> replies = new ArrayList<>(REQUESTS);
        for (int i = 0; i < REQUESTS; i++) {
            replies.add(i % 2 == 0
                    ? redis.execute(ReplyType.STRING, "SET", prefix + i, "v" + i).toCompletableFuture()
                    : redis.execute(ReplyType.STRING, "INCR", prefix + "counter").toCompletableFuture());
        }

        CompletableFuture.allOf(replies.toArray(CompletableFuture[]::new)).get(60, TimeUnit.SECONDS);

        assertThat(replies).allSatisfy(reply -> assertThat(reply).isCompleted());
        assertThat(REDIS.server().command("GET", prefix + "counter")).isEqualTo(String.valueOf(REQUESTS / 2));
        assertThat(REDIS.server().command("GET", prefix + (REQUESTS - 2))).isEqualTo("v" + (REQUESTS - 2));
    }

    @Test
    void shouldServeManyThreadsOverOneConnection() throws Exception {
        String key = "threads:" + UUID.randomUUID();
        List<Throwable> failures = Concurrently.run(64, 100,
                () -> redis.send("INCR", key).toCompletableFuture().get(10, TimeUnit.SECONDS));

        assertThat(failures).isEmpty();
        assertThat(REDIS.server().command("GET", key)).isEqualTo("6400");
        // one pipelined connection plus the harness' own
        assertThat(REDIS.server().command("CLIENT", "LIST").lines().count()).isEqualTo(2);
    }

    @Test
    void shouldRunSixtyFourConcurrentTransactionsWithoutAPoolError() throws Exception {
        int callers = 64; // as many as a small web application has: the driver's pool alone fails 40 of them
        String key = "tx:" + UUID.randomUUID();
        List<CompletableFuture<String>> outcomes = new ArrayList<>();
        for (int i = 0; i < callers; i++) {
            outcomes.add(redis.transaction(tx -> tx.value(Long.class).incr(key)).toCompletableFuture()
                    .handle((CommandResults results, Throwable error) -> error == null ? "ok" : error.getClass().getSimpleName() + ": " + error.getMessage()));
        }
        Map<String, Integer> counted = new TreeMap<>();
        for (CompletableFuture<String> outcome : outcomes) {
            counted.merge(outcome.get(30, TimeUnit.SECONDS), 1, Integer::sum);
        }
        assertThat(counted).as("outcomes of %d concurrent transactions", callers).containsExactly(Map.entry("ok", callers));
        assertThat(REDIS.server().command("GET", key)).isEqualTo(String.valueOf(callers));
    }
}
