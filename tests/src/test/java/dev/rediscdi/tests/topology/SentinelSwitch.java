package dev.rediscdi.tests.topology;

import java.time.Duration;

import org.jboss.weld.environment.se.WeldContainer;

import dev.rediscdi.RedisClient;
import dev.rediscdi.testing.RedisSentinelGroup;
import dev.rediscdi.testing.RedisServer;
import dev.rediscdi.tests.Containers;
import dev.rediscdi.tests.Eventually;
import dev.rediscdi.tests.TestConfig;

/**
 * A switch of the Sentinels to another primary while the old one still runs and still accepts writes
 * ({@code SENTINEL FAILOVER}, as after a partition or a mistaken failover). Sentinel turns the old primary into a
 * replica only about 8 s later; {@link #settle} does it at once, so that the next test finds a settled group.
 */
final class SentinelSwitch {
    /** Bound of the wait for every Sentinel to name the new primary. */
    private static final Duration AGREEMENT = Duration.ofSeconds(15);

    private final RedisServer old;
    private final RedisServer primary;
    private final long agreedNanos;

    private SentinelSwitch(RedisServer old, RedisServer primary, long agreedNanos) {
        this.old = old;
        this.primary = primary;
        this.agreedNanos = agreedNanos;
    }

    /** What a test does with a client of the shared Sentinel group; {@code old} is its primary before any switch. */
    interface Scenario {
        void run(RedisSentinelGroup group, RedisServer old, RedisClient redis) throws Exception;
    }

    /**
     * Runs {@code scenario} with a client of the shared Sentinel group, configured by {@code settings} (property, value,
     * ...) in a container of its own; then shuts the container down and {@link #settle settles} the group.
     */
    static void withClient(Scenario scenario, String... settings) throws Exception {
        RedisSentinelGroup group = SharedTopologies.sentinelGroup();
        RedisServer old = group.primary();
        try (TestConfig config = SharedTopologies.sentinelClient(group, settings)) {
            WeldContainer container = Containers.boot();
            try {
                scenario.run(group, old, container.select(RedisClient.class).get());
            } finally {
                container.shutdown();
                settle(group, old);
            }
        }
    }

    /** Asks a Sentinel to fail {@code old} (the current primary) over; returns once every Sentinel names another node. */
    static SentinelSwitch force(RedisSentinelGroup group, RedisServer old) throws InterruptedException {
        group.sentinels().get(0).command("SENTINEL", "FAILOVER", group.masterName());
        int newPort = Eventually.get(AGREEMENT, () -> {
            for (RedisServer sentinel : group.sentinels()) {
                int reported = Integer.parseInt(sentinel.command("SENTINEL", "get-master-addr-by-name", group.masterName())
                        .split("\n")[1].trim());
                if (reported == old.port()) {
                    throw new IllegalStateException(sentinel + " still names " + old);
                }
            }
            return group.currentPrimaryPort();
        });
        long agreed = System.nanoTime();
        RedisServer primary = group.nodes().stream().filter(node -> node.port() == newPort).findFirst().orElseThrow();
        return new SentinelSwitch(old, primary, agreed);
    }

    /** The primary before the switch, still running. */
    RedisServer old() {
        return old;
    }

    /** The primary the Sentinels agreed on. */
    RedisServer primary() {
        return primary;
    }

    /** When every Sentinel named the new primary ({@link System#nanoTime()}). */
    long agreedNanos() {
        return agreedNanos;
    }

    /** Milliseconds since the Sentinels agreed. */
    long millisSinceAgreed() {
        return (System.nanoTime() - agreedNanos) / 1_000_000;
    }

    /** {@code master} while Sentinel has not turned the old primary into a replica yet, {@code slave} after. */
    String oldRole() {
        return old.command("ROLE").split("\n")[0];
    }

    /**
     * Makes {@code old} a replica of the current primary unless it is one already (rather than wait for Sentinel to do
     * it), and restarts whatever a test stopped: the next test needs a settled group.
     */
    static void settle(RedisSentinelGroup group, RedisServer old) {
        if (old.command("ROLE").startsWith("master") && group.currentPrimaryPort() != old.port()) {
            old.command("REPLICAOF", old.host(), Integer.toString(group.currentPrimaryPort()));
        }
        group.restartStoppedNodes();
    }
}
