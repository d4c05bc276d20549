package dev.rediscdi.tests.topology;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.weld.environment.se.WeldContainer;
import org.junit.jupiter.api.Test;

import dev.rediscdi.CommandResults;
import dev.rediscdi.NamedRedisClient;
import dev.rediscdi.RedisClient;
import dev.rediscdi.RedisOptionsCustomizer;
import dev.rediscdi.RedisReplyException;
import dev.rediscdi.RedisScript;
import dev.rediscdi.ReplyType;
import dev.rediscdi.ScanArgs;
import dev.rediscdi.testing.RedisCluster;
import dev.rediscdi.tests.Containers;
import dev.rediscdi.tests.TestConfig;
import io.vertx.redis.client.RedisClusterTransactions;
import io.vertx.redis.client.RedisOptions;

/** Typed commands, pipelines, scripts and transactions on a cluster: each command goes to the node of its key. */
class TypedCommandsOnClusterIT {

    @Test
    void shouldRouteTypedCommandsPipelinesAndScriptsByKey() throws Exception {
        try (RedisCluster cluster = RedisCluster.builder().start();
                TestConfig config = TestConfig.of("redis.hosts", String.join(",", cluster.uris()), "redis.client-type", "cluster",
                        "redis.connections", "2", "redis.tx.hosts", String.join(",", cluster.uris()), "redis.tx.client-type", "cluster")) {
            WeldContainer container = Containers.boot(SingleNodeTransactions.class);
            try {
                RedisClient redis = container.select(RedisClient.class).get();
                String prefix = "c:" + UUID.randomUUID() + ":";
                for (int round = 0; round < 3; round++) {
                    int r = round;
                    CommandResults results = redis.pipeline(p -> {
                        for (int i = 0; i < 30; i++) {
                            p.value(String.class).set(prefix + i, "v" + r + ":" + i);
                            p.value(String.class).get(prefix + i);
                        }
                        p.hash(String.class).hget(prefix + 0, "field");
                    }).toCompletableFuture().get(10, TimeUnit.SECONDS);
                    for (int i = 0; i < 30; i++) {
                        assertThat(results.<String>get(2 * i + 1)).as("GET after SET of key %d, round %d", i, r).isEqualTo("v" + r + ":" + i);
                    }
                    assertThat(((RedisReplyException) results.error(60)).code()).isEqualTo("WRONGTYPE");
                }
                assertThat(cluster.primaries().stream().filter(node -> Long.parseLong(node.command("DBSIZE")) > 0)).hasSize(3);

                assertThat(redis.value(Long.class).incrby(prefix + "n", 5).toCompletableFuture().get(5, TimeUnit.SECONDS)).isEqualTo(5L);
                assertThat(redis.hash(Long.class).hgetall(prefix + "none").toCompletableFuture().get(5, TimeUnit.SECONDS)).isEqualTo(Map.of());
                // SCAN has no key: keys().scan() visits every primary in turn, page by page (COUNT 4: several pages each)
                Set<String> expected = new HashSet<>();
                for (int i = 0; i < 30; i++) {
                    expected.add(prefix + i);
                }
                expected.add(prefix + "n");
                ScanArgs mine = new ScanArgs().match(prefix + "*").count(4);
                assertThat(redis.keys().scan(mine).collect(Collectors.toSet()).toCompletableFuture().get(10, TimeUnit.SECONDS))
                        .isEqualTo(expected);
                Set<String> blocking = new HashSet<>();
                redis.blocking().keys().scan(mine).forEach(blocking::add);
                assertThat(blocking).isEqualTo(expected);
                assertThat(redis.keys().scan(new ScanArgs().match(prefix + "n*")).toList().toCompletableFuture().get(10, TimeUnit.SECONDS))
                        .containsExactly(prefix + "n");
                // sent as is, it would reach one node picked at random: refused, naming the fix
                org.assertj.core.api.Assertions.assertThatThrownBy(() -> redis.send("SCAN", "0"))
                        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("one node").hasMessageContaining("keys().scan(");
                assertThat(redis.set(String.class).sscan(prefix + "none").toList().toCompletableFuture().get(5, TimeUnit.SECONDS)).isEmpty();
                RedisScript script = RedisScript.of("return redis.call('INCRBY', KEYS[1], ARGV[1])");
                for (int i = 0; i < 3; i++) { // the script is unknown to each node at first: NOSCRIPT, then EVAL
                    assertThat(redis.eval(script, ReplyType.LONG, List.of(prefix + "s" + i), 2).toCompletableFuture().get(5, TimeUnit.SECONDS))
                            .isEqualTo(2L);
                }

                // the driver refuses transactions on a cluster unless told to run them on one node
                RedisClient tx = container.select(RedisClient.class, NamedRedisClient.Literal.of("tx")).get();
                String stock = "{" + prefix + "}stock";
                CommandResults done = tx.transaction(List.of(stock), 3, reads -> reads.value(Long.class).get(stock),
                        (left, t) -> {
                            t.value(Long.class).set(stock, left == null ? 10L : left - 1);
                            t.list(String.class).lpush("{" + prefix + "}log", "taken");
                        }).toCompletableFuture().get(10, TimeUnit.SECONDS);
                assertThat(done.<Long>get(1)).isEqualTo(1L);
                assertThat(cluster.primaryForKey(stock).command("GET", stock)).isEqualTo("10");
            } finally {
                container.shutdown();
            }
        }
    }

    @ApplicationScoped
    static class SingleNodeTransactions implements RedisOptionsCustomizer {
        @Override
        public void customize(String clientName, RedisOptions options) {
            if (clientName.equals("tx")) {
                options.setClusterTransactions(RedisClusterTransactions.SINGLE_NODE);
            }
        }
    }
}
