package dev.rediscdi.testing;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * A primary, its replica(s) and (by default three) Sentinels monitoring it as {@link #masterName()}, each a
 * {@link RedisServer} on a free loopback port; a Sentinel runs as {@code redis-server CONF --sentinel} with its
 * conf (which it rewrites) in its own temporary directory. Short timeouts by default: {@code down-after-milliseconds
 * 1500} (see {@link Builder#downAfter}), {@code failover-timeout 3000}, quorum 2. {@link Builder#start()} returns once every replica is linked and every
 * Sentinel knows the replicas and the other Sentinels, so a failover can start at once. Killed by the harness'
 * shutdown hook if the JVM exits before {@link #close()}.
 */
public final class RedisSentinelGroup implements AutoCloseable {

    /** Bound of {@link Builder#start()}'s waits (links up, Sentinels discovering each other). */
    public static final Duration START_TIMEOUT = Duration.ofSeconds(20);
    /** Default bound of {@link #failover()}. */
    public static final Duration FAILOVER_TIMEOUT = Duration.ofSeconds(30);

    private final String masterName;
    private final List<RedisServer> dataNodes;
    private final List<RedisServer> sentinels;

    private RedisSentinelGroup(String masterName, List<RedisServer> dataNodes, List<RedisServer> sentinels) {
        this.masterName = masterName;
        this.dataNodes = List.copyOf(dataNodes);
        this.sentinels = List.copyOf(sentinels);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The name the Sentinels monitor the primary as (default {@code mymaster}). */
    public String masterName() {
        return masterName;
    }

    /** The data node the Sentinels currently report as primary (the initial one until a failover). */
    public RedisServer primary() {
        int port = currentPrimaryPort();
        return dataNodes.stream().filter(node -> node.port() == port).findFirst()
                .orElseThrow(() -> new IllegalStateException("the Sentinels report primary port " + port
                        + ", not one of " + this));
    }

    /** The running data nodes other than {@link #primary()}. */
    public List<RedisServer> replicas() {
        int primaryPort = currentPrimaryPort();
        return dataNodes.stream().filter(node -> node.port() != primaryPort && node.isRunning()).toList();
    }

    /** Every data node started (the initial primary first), running or not. */
    public List<RedisServer> nodes() {
        return dataNodes;
    }

    /** The Sentinels ({@link RedisServer#isSentinel()}): port, pid, stop, kill, restart, command("SENTINEL", ...). */
    public List<RedisServer> sentinels() {
        return sentinels;
    }

    /** {@code redis://127.0.0.1:PORT} of each Sentinel. */
    public List<String> sentinelUris() {
        return sentinels.stream().map(RedisServer::uri).toList();
    }

    /** The primary's port as the first answering Sentinel reports it ({@code SENTINEL get-master-addr-by-name}). */
    public int currentPrimaryPort() {
        RuntimeException failure = null;
        for (RedisServer sentinel : sentinels) {
            if (sentinel.isRunning()) {
                try {
                    return reportedPrimaryPort(sentinel);
                } catch (RuntimeException e) {
                    failure = e;
                }
            }
        }
        throw new IllegalStateException("no Sentinel answered get-master-addr-by-name " + masterName, failure);
    }

    /**
     * The highest {@code config-epoch} the running Sentinels report for the primary: 0 at start, one more with each
     * failover they made, whether a test asked for it or not (an election that failed does not count).
     */
    public long configEpoch() {
        long highest = 0;
        for (RedisServer sentinel : sentinels) {
            if (sentinel.isRunning()) {
                highest = Math.max(highest, Long.parseLong(masterState(sentinel, masterName).getOrDefault("config-epoch", "0")));
            }
        }
        return highest;
    }

    /** {@link #failover(Duration)} bounded by {@link #FAILOVER_TIMEOUT} (30 s). */
    public int failover() {
        return failover(FAILOVER_TIMEOUT);
    }

    /**
     * Kills the current primary ({@code kill -9}) and waits (at most {@code timeout}) until every running Sentinel
     * reports another primary, that node says {@code role:master}, and the other running replicas are linked to
     * it. Returns the new primary's port. The old primary stays down ({@link RedisServer#restart()} brings it back;
     * the Sentinels then turn it into a replica).
     */
    public int failover(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        int oldPort = currentPrimaryPort();
        RedisServer old = dataNodes.stream().filter(node -> node.port() == oldPort).findFirst()
                .orElseThrow(() -> new IllegalStateException("primary port " + oldPort + " is not in " + this));
        old.kill();
        int newPort = Await.until(remaining(deadline), "the Sentinels to agree on a primary other than " + oldPort, () -> {
            Integer agreed = null;
            for (RedisServer sentinel : sentinels) {
                if (sentinel.isRunning()) {
                    int reported = reportedPrimaryPort(sentinel);
                    if (reported == oldPort || (agreed != null && agreed != reported)) {
                        return null;
                    }
                    agreed = reported;
                }
            }
            return agreed;
        }, this::diagnostics);
        RedisServer promoted = dataNodes.stream().filter(node -> node.port() == newPort).findFirst()
                .orElseThrow(() -> new IllegalStateException("new primary port " + newPort + " is not in " + this));
        Await.until(remaining(deadline), promoted + " to report role:master",
                () -> "master".equals(Await.infoField(promoted.command("INFO", "replication"), "role")) ? Boolean.TRUE : null,
                promoted::logTail);
        for (RedisServer node : dataNodes) {
            if (node != promoted && node.isRunning()) {
                RedisReplication.awaitLinkUp(node, newPort, remaining(deadline));
            }
        }
        return newPort;
    }

    /**
     * Restarts every Sentinel and data node that is not running (same port and directory; a Sentinel keeps the conf
     * it rewrote). A former primary comes back as a replica of the current primary ({@code REPLICAOF} sent at once
     * rather than waiting for the Sentinels to convert it); waits (bounded by {@link #START_TIMEOUT}) until every data
     * node other than the primary is linked to it and has acknowledged the primary's replication offset (what
     * {@code WAIT} counts: a replica just resynchronized may be linked a second before it acknowledges), and every
     * Sentinel knows the replicas and the other Sentinels.
     */
    public void restartStoppedNodes() {
        for (RedisServer sentinel : sentinels) {
            if (!sentinel.isRunning()) {
                sentinel.restart();
            }
        }
        int primaryPort = currentPrimaryPort();
        for (RedisServer node : dataNodes) {
            if (!node.isRunning()) {
                node.restart();
                if (node.port() != primaryPort) {
                    node.command("REPLICAOF", "127.0.0.1", Integer.toString(primaryPort));
                }
            }
        }
        for (RedisServer node : dataNodes) {
            if (node.port() != primaryPort) {
                RedisReplication.awaitLinkUp(node, primaryPort, START_TIMEOUT);
            }
        }
        RedisServer primary = dataNodes.stream().filter(node -> node.port() == primaryPort).findFirst().orElseThrow();
        RedisReplication.awaitAcknowledged(primary, dataNodes.size() - 1, START_TIMEOUT);
        awaitSentinelsSettled(sentinels, masterName, dataNodes.size() - 1, this::diagnostics);
    }

    private static void awaitSentinelsSettled(List<RedisServer> sentinels, String masterName, int replicas,
            java.util.function.Supplier<String> diagnostics) {
        for (RedisServer sentinel : sentinels) {
            Await.until(START_TIMEOUT, sentinel + " to know " + replicas + " replica(s) and "
                    + (sentinels.size() - 1) + " other Sentinel(s)", () -> {
                        Map<String, String> state = masterState(sentinel, masterName);
                        return Integer.toString(replicas).equals(state.get("num-slaves"))
                                && Integer.toString(sentinels.size() - 1).equals(state.get("num-other-sentinels"))
                                && !state.getOrDefault("flags", "").contains("down")
                                && healthyReplicas(sentinel, masterName) == replicas ? Boolean.TRUE : null;
                    }, diagnostics);
        }
    }

    /** Closes the Sentinels, then the data nodes. Idempotent. */
    @Override
    public void close() {
        List<RedisServer> all = new ArrayList<>(sentinels);
        all.addAll(dataNodes);
        Await.closeAll(all);
    }

    @Override
    public String toString() {
        return "RedisSentinelGroup[" + masterName + ", data nodes "
                + dataNodes.stream().map(n -> n.port() + (n.isRunning() ? "" : "(down)")).collect(Collectors.joining(","))
                + ", sentinels " + sentinels.stream().map(s -> Integer.toString(s.port())).collect(Collectors.joining(","))
                + "]";
    }

    private int reportedPrimaryPort(RedisServer sentinel) {
        String reply = sentinel.command("SENTINEL", "get-master-addr-by-name", masterName);
        if (reply == null) {
            throw new IllegalStateException(sentinel + " does not monitor " + masterName);
        }
        String[] hostAndPort = reply.split("\n");
        return Integer.parseInt(hostAndPort[1].trim());
    }

    /** The field/value pairs of {@code SENTINEL MASTER name}. */
    /**
     * Replicas this Sentinel could promote now: flagged plain {@code slave} (not down, not disconnected) with their
     * link to the primary up. A restarted node counts among {@code num-slaves} before that, and a failover started
     * then finds no good replica and waits out the failover timeout.
     */
    private static int healthyReplicas(RedisServer sentinel, String masterName) {
        String[] lines = sentinel.command("SENTINEL", "REPLICAS", masterName).split("\n");
        int plain = 0;
        int linked = 0;
        for (int i = 0; i + 1 < lines.length; i++) {
            if ("flags".equals(lines[i]) && "slave".equals(lines[i + 1])) {
                plain++;
            } else if ("master-link-status".equals(lines[i]) && "ok".equals(lines[i + 1])) {
                linked++;
            }
        }
        return Math.min(plain, linked);
    }

    private static Map<String, String> masterState(RedisServer sentinel, String masterName) {
        String[] lines = sentinel.command("SENTINEL", "MASTER", masterName).split("\n");
        Map<String, String> state = new HashMap<>();
        for (int i = 0; i + 1 < lines.length; i += 2) {
            state.put(lines[i], lines[i + 1]);
        }
        return state;
    }

    private String diagnostics() {
        StringBuilder text = new StringBuilder(toString()).append('\n');
        for (RedisServer sentinel : sentinels) {
            text.append("--- ").append(sentinel).append(" log tail ---\n").append(sentinel.logTail());
        }
        return text.toString();
    }

    private static Duration remaining(long deadline) {
        return Duration.ofNanos(Math.max(0, deadline - System.nanoTime()));
    }

    /**
     * Settings of a {@link RedisSentinelGroup}; defaults: master name {@code mymaster}, 1 replica, 3 Sentinels,
     * quorum 2, {@code down-after-milliseconds} 1500, {@code failover-timeout} 3000, no password. Reusable.
     */
    public static final class Builder {
        private static final Duration DEFAULT_DOWN_AFTER = Duration.ofMillis(1500);

        private String masterName = "mymaster";
        private int replicas = 1;
        private int sentinels = 3;
        private int quorum = 2;
        private Duration downAfter = DEFAULT_DOWN_AFTER;
        private Duration failoverTimeout = Duration.ofMillis(3000);
        private String password;
        private RedisBinary binary;
        private final List<String[]> config = new ArrayList<>();

        private Builder() {
        }

        public Builder masterName(String masterName) {
            if (!masterName.matches("[A-Za-z0-9._-]+")) {
                throw new IllegalArgumentException("master name: letters, digits, '.', '_', '-' only: " + masterName);
            }
            this.masterName = masterName;
            return this;
        }

        /** The number of replicas (1 to 16; default 1). */
        public Builder replicas(int count) {
            if (count < 1 || count > 16) {
                throw new IllegalArgumentException("replicas: 1 to 16, not " + count);
            }
            this.replicas = count;
            return this;
        }

        /** The number of Sentinels (1 to 9; default 3). */
        public Builder sentinels(int count) {
            if (count < 1 || count > 9) {
                throw new IllegalArgumentException("sentinels: 1 to 9, not " + count);
            }
            this.sentinels = count;
            return this;
        }

        /** The quorum of {@code sentinel monitor} (default 2). */
        public Builder quorum(int quorum) {
            if (quorum < 1) {
                throw new IllegalArgumentException("quorum < 1");
            }
            this.quorum = quorum;
            return this;
        }

        /**
         * {@code sentinel down-after-milliseconds} (default 1.5 s). Keep it well above 1.1 s: when a Sentinel switches
         * to a new primary it opens its link to it at its next reconnect slot, up to 1 s (Sentinel's fixed ping period)
         * plus a timer tick (up to 0.1 s) later, and judges the primary down once no PONG came for this long since the
         * switch. At 1 s it so judged a healthy primary just promoted after 7 of 27 failovers here; the other Sentinels'
         * "down" answers about the previous primary (kept for 5 s) made that an objective down at once, and they failed
         * over the running primary: both nodes took writes until Sentinel turned the old one into a replica, 8 to 10 s
         * later. At 1.5 s: none after 29 (a failover then takes 2.7 s rather than 2.2 s).
         */
        public Builder downAfter(Duration downAfter) {
            this.downAfter = requirePositive(downAfter);
            return this;
        }

        /** {@code sentinel failover-timeout} (default 3 s). */
        public Builder failoverTimeout(Duration failoverTimeout) {
            this.failoverTimeout = requirePositive(failoverTimeout);
            return this;
        }

        /** {@code requirepass} and {@code masterauth} on the data nodes, {@code sentinel auth-pass} on the Sentinels. */
        public Builder password(String password) {
            this.password = Objects.requireNonNull(password);
            return this;
        }

        public Builder binary(RedisBinary binary) {
            this.binary = Objects.requireNonNull(binary);
            return this;
        }

        /** An extra configuration line on every data node (not on the Sentinels). */
        public Builder config(String name, String value) {
            config.add(new String[] {Objects.requireNonNull(name), Objects.requireNonNull(value)});
            return this;
        }

        /** Starts the data nodes, then the Sentinels; returns once the Sentinels know every replica and each other. */
        public RedisSentinelGroup start() {
            if (quorum > sentinels) {
                throw new IllegalStateException("quorum " + quorum + " > " + sentinels + " sentinels");
            }
            RedisReplication.Builder data = RedisReplication.builder().replicas(replicas);
            if (password != null) {
                data.password(password);
            }
            if (binary != null) {
                data.binary(binary);
            }
            config.forEach(line -> data.config(line[0], line[1]));
            RedisReplication replication = data.start();
            List<RedisServer> dataNodes = replication.nodes();
            List<RedisServer> started = new ArrayList<>();
            try {
                int primaryPort = replication.primary().port();
                for (int i = 0; i < sentinels; i++) {
                    RedisServer.Builder sentinel = RedisServer.builder().sentinel()
                            .config("sentinel", "monitor " + masterName + " 127.0.0.1 " + primaryPort + " " + quorum)
                            .config("sentinel", "down-after-milliseconds " + masterName + " " + downAfter.toMillis())
                            .config("sentinel", "failover-timeout " + masterName + " " + failoverTimeout.toMillis())
                            .config("sentinel", "parallel-syncs " + masterName + " " + replicas);
                    if (password != null) {
                        sentinel.config("sentinel", "auth-pass " + masterName + " " + RedisConf.quote(password));
                    }
                    if (binary != null) {
                        sentinel.binary(binary);
                    }
                    started.add(sentinel.start());
                }
                RedisSentinelGroup group = new RedisSentinelGroup(masterName, dataNodes, started);
                awaitSentinelsSettled(started, masterName, replicas, group::diagnostics);
                return group;
            } catch (RuntimeException e) {
                List<AutoCloseable> all = new ArrayList<>(started);
                all.add(replication);
                try {
                    Await.closeAll(all);
                } catch (RuntimeException suppressed) {
                    e.addSuppressed(suppressed);
                }
                throw e;
            }
        }

        private static Duration requirePositive(Duration duration) {
            if (duration.isNegative() || duration.isZero()) {
                throw new IllegalArgumentException("not positive: " + duration);
            }
            return duration;
        }
    }
}
