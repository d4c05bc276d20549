package dev.rediscdi.tests.topology;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.logging.Logger;

import org.jboss.weld.environment.se.WeldContainer;
import org.junit.jupiter.api.Test;

import dev.rediscdi.RedisClient;
import dev.rediscdi.testing.RedisSentinelGroup;
import dev.rediscdi.testing.RedisServer;
import dev.rediscdi.tests.Containers;
import dev.rediscdi.tests.TestConfig;
import dev.rediscdi.tests.topology.SteadyWrites.Outcome;

/**
 * The Sentinels name a new primary while the old one still runs and still accepts writes: a forced failover
 * ({@code SENTINEL FAILOVER}), a Sentinel that fails over a primary it only believed down, a partition. Sentinel
 * turns the old primary into a replica only about 8 s later, and whatever it acknowledged until then is gone when
 * it resynchronizes from the new one. The client must write to the primary the Sentinels name, not to the node its
 * connections happen to be on.
 */
class SentinelSwitchWithOldPrimaryAliveIT {
    private static final Logger LOG = Logger.getLogger(SentinelSwitchWithOldPrimaryAliveIT.class.getName());
    /** How long after the Sentinels agree the client may still write to the old primary: it asks them every second. */
    private static final Duration CATCH_UP = Duration.ofMillis(2500);
    /** How long the test writes after that; Sentinel waits 8 s before it turns the old primary into a replica. */
    private static final Duration CHECKED = Duration.ofMillis(2500);

    @Test
    void shouldWriteToThePrimaryTheSentinelsNameWhileTheOldOneStillAcceptsWrites() throws Exception {
        RedisSentinelGroup group = SharedTopologies.sentinelGroup();
        RedisServer old = group.primary();
        try (TestConfig config = SharedTopologies.sentinelClient(group, "redis.timeout", "1s", "redis.circuit-breaker.delay", "1s",
                "redis.max-pool-size", "16", "redis.max-pool-waiting", "64")) {
            WeldContainer container = Containers.boot();
            String prefix = "sentinel-switch:" + UUID.randomUUID() + ":";
            // plain writes on the pipelined connections, and WAITed writes on leased ones (which ask the Sentinels again)
            try (SteadyWrites load = SteadyWrites.start(2, 200, 20_000, i -> prefix + i,
                    SteadyWrites.halfConfirmed(container.select(RedisClient.class).get(), group.replicas().size()))) {
                load.awaitWritingAgain(System.nanoTime(), Duration.ofSeconds(10));
                Thread.sleep(500); // the pipelined connections are open on the old primary

                SentinelSwitch change = SentinelSwitch.force(group, old);
                long agreed = change.agreedNanos();
                RedisServer primary = change.primary();
                int newPort = primary.port();

                Thread.sleep(CATCH_UP.plus(CHECKED).toMillis());
                String oldRole = change.oldRole();
                List<Outcome> outcomes = load.finish(Duration.ofSeconds(10));

                long from = agreed + CATCH_UP.toNanos();
                List<Outcome> checked = outcomes.stream().filter(o -> o.startNanos() > from).toList();
                Survival onPrimary = Survival.check(checked, key -> primary, key -> "all");
                Survival all = Survival.check(outcomes, key -> primary, key -> "all");
                Set<String> missing = new HashSet<>(all.unconfirmedLost());
                missing.addAll(all.confirmedLost());
                long lastOnOld = outcomes.stream().filter(o -> missing.contains(o.key()))
                        .mapToLong(o -> (o.startNanos() - agreed) / 1_000_000).max().orElse(Long.MIN_VALUE);
                LOG.info(() -> "Sentinel switch to " + newPort + " with the old primary " + old.port() + " alive (" + oldRole
                        + " at the end): writes started " + CATCH_UP.toMillis() + " ms after the Sentinels agreed: " + onPrimary
                        + "; the last acknowledged write missing on the new primary started " + lastOnOld + " ms after they agreed");

                assertThat(oldRole).as("the old primary still accepts writes: the situation under test").isEqualTo("master");
                assertThat(onPrimary.acknowledged()).as("writes acknowledged in the checked period").isGreaterThan(100);
                assertThat(onPrimary.unconfirmedLost()).as("acknowledged writes missing on the primary the Sentinels name: %s", onPrimary)
                        .isEmpty();
                assertThat(onPrimary.confirmedLost()).as("confirmed writes missing on the primary the Sentinels name").isEmpty();
            } finally {
                container.shutdown();
                SentinelSwitch.settle(group, old);
            }
        }
    }
}
