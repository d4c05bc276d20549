package dev.rediscdi.tests.topology;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.logging.Logger;

import org.jboss.weld.environment.se.WeldContainer;
import org.junit.jupiter.api.Test;

import dev.rediscdi.RedisClient;
import dev.rediscdi.ReplyType;
import dev.rediscdi.testing.RedisCluster;
import dev.rediscdi.testing.RedisServer;
import dev.rediscdi.tests.Containers;
import dev.rediscdi.tests.TestConfig;
import dev.rediscdi.tests.topology.SteadyWrites.Outcome;

/**
 * A slot holding 100 keys moves from primary to primary ({@code MIGRATE} a few keys at a time, so that the keys are on
 * two nodes for a while and Redis answers {@code ASK}, then {@code MOVED}) while callers increment and read those keys.
 */
class ClusterSlotMigrationIT {
    private static final Logger LOG = Logger.getLogger(ClusterSlotMigrationIT.class.getName());
    private static final int KEYS = 100;
    private static final int MIGRATIONS = 3;

    @Test
    void shouldAnswerEveryCallerWhileASlotWithAHundredKeysMoves() throws Exception {
        RedisCluster cluster = SharedTopologies.cluster();
        String tag = "{migrating:" + UUID.randomUUID() + "}:";
        int slot = RedisCluster.keySlot(tag);
        List<String> keys = new ArrayList<>();
        for (int i = 0; i < KEYS; i++) {
            keys.add(tag + i);
        }
        try (TestConfig config = SharedTopologies.clusterClient(cluster)) {
            WeldContainer container = Containers.boot();
            try {
                RedisClient redis = container.select(RedisClient.class).get();
                for (String key : keys) {
                    redis.send("SET", key, "0").toCompletableFuture().get();
                }
                List<RedisServer> owners = new ArrayList<>();
                try (SteadyWrites load = SteadyWrites.start(4, 1_000, 30_000, i -> keys.get(i % KEYS), incrementOrRead(redis))) {
                    load.awaitIssued(500, Duration.ofSeconds(10));
                    for (int m = 0; m < MIGRATIONS; m++) {
                        RedisServer source = cluster.primaryForSlot(slot);
                        RedisServer target = cluster.primaries().stream().filter(p -> p != source).findFirst().orElseThrow();
                        cluster.migrateSlot(slot, target, 3, Duration.ofSeconds(15));
                        owners.add(target);
                        load.awaitIssued(load.issued() + 300, Duration.ofSeconds(10));
                    }
                    List<Outcome> outcomes = load.finish(Duration.ofSeconds(10));

                    List<String> errors = outcomes.stream().filter(o -> !o.acknowledged())
                            .map(o -> o.key() + ": " + o.error()).limit(10).toList();
                    long increments = outcomes.stream().filter(o -> o.acknowledged() && o.index() % 2 == 0).count();
                    RedisServer owner = cluster.primaryForSlot(slot);
                    long counted = 0;
                    for (String value : owner.command(prepend("MGET", keys)).split("\n")) {
                        counted += Long.parseLong(value);
                    }
                    long total = counted;
                    LOG.info(() -> "Slot " + slot + " with " + KEYS + " keys migrated " + MIGRATIONS + " times under " + outcomes.size()
                            + " INCR/GET: " + outcomes.stream().filter(o -> !o.acknowledged()).count() + " errors; " + increments
                            + " INCR acknowledged, counters sum to " + total);

                    assertThat(owner).as("the slot's final owner").isSameAs(owners.get(MIGRATIONS - 1));
                    assertThat(errors).as("errors seen by callers").isEmpty();
                    assertThat(total).as("every acknowledged INCR counted once").isEqualTo(increments);
                    assertThat(owner.command("CLUSTER", "COUNTKEYSINSLOT", Integer.toString(slot))).isEqualTo(Integer.toString(KEYS));
                }
            } finally {
                container.shutdown();
            }
        }
    }

    /** Even operations: INCR; odd ones: GET, which must find the key. */
    private static SteadyWrites.Write incrementOrRead(RedisClient redis) {
        return (index, key, value) -> index % 2 == 0
                ? redis.execute(ReplyType.LONG, "INCR", key).thenApply(n -> false)
                : redis.execute(ReplyType.STRING, "GET", key).thenCompose(found -> found == null
                        ? CompletableFuture.failedFuture(new AssertionError("GET " + key + " found nothing"))
                        : CompletableFuture.completedFuture(false));
    }

    private static String[] prepend(String command, List<String> keys) {
        List<String> all = new ArrayList<>(List.of(command));
        all.addAll(keys);
        return all.toArray(String[]::new);
    }
}
