package dev.rediscdi.tests.topology;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import jakarta.enterprise.context.ApplicationScoped;

import org.assertj.core.api.SoftAssertions;
import org.jboss.weld.environment.se.WeldContainer;
import org.junit.jupiter.api.Test;

import dev.rediscdi.RedisClient;
import dev.rediscdi.RedisOptionsCustomizer;
import dev.rediscdi.ReplyType;
import dev.rediscdi.testing.RedisCluster;
import dev.rediscdi.testing.RedisServer;
import dev.rediscdi.tests.Containers;
import dev.rediscdi.tests.TestConfig;
import io.vertx.redis.client.RedisClusterTransactions;
import io.vertx.redis.client.RedisOptions;

/**
 * {@code withConnection} promises: "after a failed or timed-out command the connection is closed instead" of going
 * back to the pool, and a transaction left open is never handed to the next user. On a cluster the connection is
 * one pooled connection per node.
 */
class ScopedConnectionOnClusterIT {

    @Test
    void shouldNeverGiveANodeConnectionLeftInsideMultiToTheNextUser() throws Exception {
        try (RedisCluster cluster = RedisCluster.builder().start();
                TestConfig config = TestConfig.of("redis.hosts", String.join(",", cluster.uris()), "redis.client-type", "cluster")) {
            WeldContainer container = Containers.boot(SingleNodeTransactions.class);
            try {
                RedisClient redis = container.select(RedisClient.class).get();
                String key = "{" + UUID.randomUUID() + "}order";
                RedisServer node = cluster.primaryForKey(key);

                Throwable failure = outcome(redis.<String>withConnection(connection -> connection.send("MULTI")
                        .thenCompose(ok -> connection.send("SET", key, "paid"))
                        .thenCompose(queued -> CompletableFuture.failedFuture(new IllegalStateException("the application's own failure")))));
                assertThat(failure).isInstanceOf(IllegalStateException.class);

                Thread.sleep(200); // let the connection settle back into the pool (or close)
                SoftAssertions softly = new SoftAssertions();
                softly.assertThat(connectionsInsideMulti(node)).as("connections of %s still inside MULTI", node).isEmpty();

                List<String> replies = new ArrayList<>();
                for (int i = 0; i < 6; i++) { // every pooled connection to that node in turn
                    replies.add(String.valueOf(redis.withConnection(connection -> connection.execute(ReplyType.STRING, "GET", key))
                            .toCompletableFuture().get(5, TimeUnit.SECONDS)));
                }
                softly.assertThat(replies).as("GET of a key the discarded transaction never wrote").containsOnly("null");
                softly.assertAll();
            } finally {
                container.shutdown();
            }
        }
    }

    @Test
    void shouldNeverGiveANodeConnectionStillWatchingAKeyToTheNextUser() throws Exception {
        try (RedisCluster cluster = RedisCluster.builder().start();
                TestConfig config = TestConfig.of("redis.hosts", String.join(",", cluster.uris()), "redis.client-type", "cluster")) {
            WeldContainer container = Containers.boot(SingleNodeTransactions.class);
            try {
                RedisClient redis = container.select(RedisClient.class).get();
                String tag = "{" + UUID.randomUUID() + "}";
                String watched = tag + "stock";

                Throwable failure = outcome(redis.<String>withConnection(connection -> connection.send("WATCH", watched)
                        .thenCompose(ok -> CompletableFuture.failedFuture(new IllegalStateException("the application's own failure")))));
                assertThat(failure).isInstanceOf(IllegalStateException.class);
                cluster.primaryForKey(watched).command("SET", watched, "changed"); // would abort a transaction still watching it

                List<String> execs = new ArrayList<>();
                for (int i = 0; i < 6; i++) { // every pooled connection to that node in turn
                    String key = tag + "order:" + i;
                    execs.add(String.valueOf(redis.withConnection(connection -> connection.send("MULTI")
                            .thenCompose(ok -> connection.send("SET", key, "paid"))
                            .thenCompose(queued -> connection.send("EXEC"))).toCompletableFuture().get(5, TimeUnit.SECONDS)));
                }
                assertThat(execs).as("EXEC of transactions that watch nothing (nil if a stale WATCH aborted one)")
                        .hasSize(6).doesNotContain("null");
            } finally {
                container.shutdown();
            }
        }
    }

    private static List<String> connectionsInsideMulti(RedisServer node) {
        List<String> inside = new ArrayList<>();
        for (String line : node.command("CLIENT", "LIST").split("\n")) {
            if (line.contains(" multi=") && !line.contains(" multi=-1 ")) {
                inside.add(line.trim());
            }
        }
        return inside;
    }

    private static Throwable outcome(java.util.concurrent.CompletionStage<?> stage) throws Exception {
        try {
            stage.toCompletableFuture().get(10, TimeUnit.SECONDS);
            return null;
        } catch (ExecutionException e) {
            return e.getCause();
        }
    }

    @ApplicationScoped
    static class SingleNodeTransactions implements RedisOptionsCustomizer {
        @Override
        public void customize(String clientName, RedisOptions options) {
            options.setClusterTransactions(RedisClusterTransactions.SINGLE_NODE);
        }
    }
}
