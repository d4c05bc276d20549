package dev.rediscdi.tests.topology;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.jboss.weld.environment.se.WeldContainer;
import org.junit.jupiter.api.Test;

import dev.rediscdi.CommandResults;
import dev.rediscdi.RedisClient;
import dev.rediscdi.RedisReplyException;
import dev.rediscdi.RedisScript;
import dev.rediscdi.ReplyType;
import dev.rediscdi.testing.RedisCluster;
import dev.rediscdi.tests.Containers;
import dev.rediscdi.tests.TestConfig;

/** Typed commands, pipelines and scripts on a cluster: each command goes to the node of its key. */
class TypedCommandsOnClusterIT {

    @Test
    void shouldRouteTypedCommandsPipelinesAndScriptsByKey() throws Exception {
        try (RedisCluster cluster = RedisCluster.builder().start();
                TestConfig config = TestConfig.of("redis.hosts", String.join(",", cluster.uris()), "redis.client-type", "cluster",
                        "redis.connections", "2")) {
            WeldContainer container = Containers.boot();
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
                RedisScript script = RedisScript.of("return redis.call('INCRBY', KEYS[1], ARGV[1])");
                for (int i = 0; i < 3; i++) { // the script is unknown to each node at first: NOSCRIPT, then EVAL
                    assertThat(redis.eval(script, ReplyType.LONG, List.of(prefix + "s" + i), 2).toCompletableFuture().get(5, TimeUnit.SECONDS))
                            .isEqualTo(2L);
                }
            } finally {
                container.shutdown();
            }
        }
    }
}
