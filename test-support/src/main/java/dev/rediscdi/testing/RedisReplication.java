package dev.rediscdi.testing;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * One primary and N replicas ({@code replicaof 127.0.0.1 PRIMARY_PORT}), each a {@link RedisServer} on a free
 * loopback port; {@link Builder#start()} returns once every replica reports {@code master_link_status:up}.
 * Every process is killed by the harness' shutdown hook if the JVM exits before {@link #close()}.
 * <pre>
 * try (RedisReplication replication = RedisReplication.builder().replicas(2).start()) { ... }
 * </pre>
 */
public final class RedisReplication implements AutoCloseable {

    /** Bound of {@link Builder#start()}'s wait for the replicas' links. */
    public static final Duration LINK_TIMEOUT = Duration.ofSeconds(15);

    private final RedisServer primary;
    private final List<RedisServer> replicas;

    private RedisReplication(RedisServer primary, List<RedisServer> replicas) {
        this.primary = primary;
        this.replicas = List.copyOf(replicas);
    }

    public static Builder builder() {
        return new Builder();
    }

    public RedisServer primary() {
        return primary;
    }

    public List<RedisServer> replicas() {
        return replicas;
    }

    /** The primary, then the replicas. */
    public List<RedisServer> nodes() {
        List<RedisServer> nodes = new ArrayList<>(replicas.size() + 1);
        nodes.add(primary);
        nodes.addAll(replicas);
        return Collections.unmodifiableList(nodes);
    }

    /** {@code redis://127.0.0.1:PORT} of the primary, then of each replica (no credentials). */
    public List<String> uris() {
        return nodes().stream().map(RedisServer::uri).toList();
    }

    /**
     * Waits (at most {@code timeout}) until every running replica has processed the primary's replication
     * stream up to the primary's current {@code master_repl_offset}: what was written before is readable on all replicas.
     */
    public void awaitReplicasInSync(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        for (RedisServer replica : replicas) {
            if (replica.isRunning()) {
                awaitInSync(primary, replica, Duration.ofNanos(Math.max(0, deadline - System.nanoTime())));
            }
        }
    }

    /**
     * Waits (at most {@code timeout}) until {@code primary} lists {@code replicas} replicas {@code online}, each having
     * acknowledged (its {@code offset} in the primary's {@code INFO replication}) the primary's current
     * {@code master_repl_offset}: a {@code WAIT} for them would be answered now.
     */
    static void awaitAcknowledged(RedisServer primary, int replicas, Duration timeout) {
        long target = Long.parseLong(Objects.requireNonNull(
                Await.infoField(primary.command("INFO", "replication"), "master_repl_offset")));
        Await.until(timeout, replicas + " replica(s) of " + primary + " acknowledging offset " + target, () -> {
            String info = primary.command("INFO", "replication");
            int acknowledged = 0;
            for (int i = 0; i < replicas; i++) {
                String replica = Await.infoField(info, "slave" + i);
                if (replica != null && replica.contains("state=online")
                        && Long.parseLong(replica.replaceAll(".*offset=(\\d+).*", "$1")) >= target) {
                    acknowledged++;
                }
            }
            return acknowledged == replicas ? Boolean.TRUE : null;
        }, () -> primary.command("INFO", "replication"));
    }

    /** Waits until {@code replica}'s {@code slave_repl_offset} reaches {@code primary}'s current {@code master_repl_offset}. */
    static void awaitInSync(RedisServer primary, RedisServer replica, Duration timeout) {
        long target = Long.parseLong(Objects.requireNonNull(
                Await.infoField(primary.command("INFO", "replication"), "master_repl_offset")));
        Await.until(timeout, replica + " at replication offset " + target + " of " + primary, () -> {
            String offset = Await.infoField(replica.command("INFO", "replication"), "slave_repl_offset");
            return offset != null && Long.parseLong(offset) >= target ? Boolean.TRUE : null;
        }, replica::logTail);
    }

    /**
     * Restarts (same port, configuration and data directory) every node that is not running, and waits until every
     * replica is linked to the primary again (bounded by {@link #LINK_TIMEOUT}).
     */
    public void restartStoppedNodes() {
        for (RedisServer node : nodes()) {
            if (!node.isRunning()) {
                node.restart();
            }
        }
        for (RedisServer replica : replicas) {
            awaitLinkUp(replica, primary.port(), LINK_TIMEOUT);
        }
    }

    /** Closes the replicas, then the primary (stopped by pid, temporary directories deleted). Idempotent. */
    @Override
    public void close() {
        List<RedisServer> all = new ArrayList<>(replicas);
        all.add(primary);
        Await.closeAll(all);
    }

    @Override
    public String toString() {
        return "RedisReplication[primary " + primary.port() + ", replicas "
                + replicas.stream().map(r -> Integer.toString(r.port())).collect(Collectors.joining(",")) + "]";
    }

    /** Waits until {@code replica} reports {@code master_link_status:up} with {@code primaryPort}. */
    static void awaitLinkUp(RedisServer replica, int primaryPort, Duration timeout) {
        Await.until(timeout, replica + " linked to primary 127.0.0.1:" + primaryPort, () -> {
            String info = replica.command("INFO", "replication");
            return "up".equals(Await.infoField(info, "master_link_status"))
                    && Integer.toString(primaryPort).equals(Await.infoField(info, "master_port")) ? Boolean.TRUE : null;
        }, replica::logTail);
    }

    /**
     * A builder of a node of a topology: password (+ masterauth), binary, extra config lines (after the
     * topology defaults, so they win: redis.conf keeps the last value). Default {@code repl-diskless-sync-delay 0}:
     * a primary otherwise waits 5 s for more replicas before the first full sync.
     */
    static RedisServer.Builder nodeBuilder(RedisBinary binary, String password, List<String[]> config) {
        RedisServer.Builder builder = RedisServer.builder().config("repl-diskless-sync-delay", "0");
        if (binary != null) {
            builder.binary(binary);
        }
        if (password != null) {
            builder.password(password).config("masterauth", RedisConf.quote(password));
        }
        for (String[] line : config) {
            builder.config(line[0], line[1]);
        }
        return builder;
    }

    /** Settings of a {@link RedisReplication}; defaults: 1 replica, no password. Reusable. */
    public static final class Builder {

        private int replicas = 1;
        private String password;
        private RedisBinary binary;
        private final List<String[]> config = new ArrayList<>();

        private Builder() {
        }

        /** The number of replicas (0 to 16; default 1). */
        public Builder replicas(int count) {
            if (count < 0 || count > 16) {
                throw new IllegalArgumentException("replicas: 0 to 16, not " + count);
            }
            this.replicas = count;
            return this;
        }

        /** {@code requirepass} and {@code masterauth} on every node. */
        public Builder password(String password) {
            this.password = Objects.requireNonNull(password);
            return this;
        }

        /** The redis-server of every node; default {@link RedisBinary#locate()}. */
        public Builder binary(RedisBinary binary) {
            this.binary = Objects.requireNonNull(binary);
            return this;
        }

        /** An extra configuration line on every node, as {@link RedisServer.Builder#config(String, String)}. */
        public Builder config(String name, String value) {
            config.add(new String[] {Objects.requireNonNull(name), Objects.requireNonNull(value)});
            return this;
        }

        /** Starts the primary and the replicas; returns once every replica's link to the primary is up. */
        public RedisReplication start() {
            List<RedisServer> started = new ArrayList<>();
            try {
                RedisServer primary = nodeBuilder(binary, password, config).start();
                started.add(primary);
                List<RedisServer> replicaServers = new ArrayList<>();
                for (int i = 0; i < replicas; i++) {
                    RedisServer replica = nodeBuilder(binary, password, config)
                            .config("replicaof", "127.0.0.1 " + primary.port()).start();
                    started.add(replica);
                    replicaServers.add(replica);
                }
                for (RedisServer replica : replicaServers) {
                    awaitLinkUp(replica, primary.port(), LINK_TIMEOUT);
                }
                return new RedisReplication(primary, replicaServers);
            } catch (RuntimeException e) {
                try {
                    Await.closeAll(started);
                } catch (RuntimeException suppressed) {
                    e.addSuppressed(suppressed);
                }
                throw e;
            }
        }
    }
}
