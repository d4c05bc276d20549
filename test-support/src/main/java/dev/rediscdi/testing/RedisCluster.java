package dev.rediscdi.testing;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * A Redis Cluster of (by default) 3 primaries and 3 replicas, each a {@link RedisServer} on a free loopback port
 * ({@code cluster-enabled yes}, {@code cluster-config-file nodes.conf} in its own data directory,
 * {@code cluster-node-timeout 2000}). Created without {@code redis-cli}: {@code CLUSTER SET-CONFIG-EPOCH},
 * {@code MEET}, {@code ADDSLOTS}, {@code REPLICATE} through the harness' client; {@link Builder#start()} returns
 * once every node says {@code cluster_state:ok}, knows every other node, and every replica's link is up.
 * Killed by the harness' shutdown hook if the JVM exits before {@link #close()}.
 */
public final class RedisCluster implements AutoCloseable {

    /** Number of hash slots. */
    public static final int SLOTS = 16384;
    /** Bound of {@link Builder#start()}'s waits. */
    public static final Duration START_TIMEOUT = Duration.ofSeconds(20);
    /** Default bound of {@link #killPrimaryOf(String)}, {@link #migrateSlot(int, RedisServer)}, {@link #awaitClusterOk()}. */
    public static final Duration CHANGE_TIMEOUT = Duration.ofSeconds(20);

    private final List<RedisServer> nodes;
    private final String password;

    private RedisCluster(List<RedisServer> nodes, String password) {
        this.nodes = List.copyOf(nodes);
        this.password = password;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Every node started (initial primaries first), running or not. */
    public List<RedisServer> nodes() {
        return nodes;
    }

    /** The running nodes that currently serve slots as primaries (as a running node's {@code CLUSTER NODES} says). */
    public List<RedisServer> primaries() {
        return view().values().stream().filter(n -> n.flags().contains("master") && !n.flags().contains("fail")
                && !n.slots().isEmpty()).map(n -> server(n.port())).filter(RedisServer::isRunning).toList();
    }

    /** The running nodes that are currently replicas. */
    public List<RedisServer> replicas() {
        return view().values().stream().filter(n -> n.flags().contains("slave"))
                .map(n -> server(n.port())).filter(RedisServer::isRunning).toList();
    }

    /** {@code redis://127.0.0.1:PORT} of every node (no credentials). */
    public List<String> uris() {
        return nodes.stream().map(RedisServer::uri).toList();
    }

    /** The node {@code CLUSTER MYID} of {@code node}. */
    public String nodeId(RedisServer node) {
        return node.command("CLUSTER", "MYID");
    }

    /** The primary serving {@code slot}, as the first running node's {@code CLUSTER NODES} says. */
    public RedisServer primaryForSlot(int slot) {
        checkSlot(slot);
        return server(owner(view(), slot).port());
    }

    /** {@link #primaryForSlot(int)} of {@link #keySlot(String)}. */
    public RedisServer primaryForKey(String key) {
        return primaryForSlot(keySlot(key));
    }

    /** A running replica of {@code primary}. */
    public Optional<RedisServer> replicaOf(RedisServer primary) {
        String id = nodeId(primary);
        return view().values().stream().filter(n -> n.flags().contains("slave") && id.equals(n.masterId()))
                .map(n -> server(n.port())).filter(RedisServer::isRunning).findFirst();
    }

    /** {@link #killPrimaryOf(String, Duration)} bounded by {@link #CHANGE_TIMEOUT} (20 s). */
    public RedisServer killPrimaryOf(String key) {
        return killPrimaryOf(key, CHANGE_TIMEOUT);
    }

    /**
     * Kills ({@code kill -9}) the primary of {@code key}'s slot and waits (at most {@code timeout}) until every
     * running node says another running node owns the slot and {@code cluster_state:ok}. Returns the new primary
     * (the promoted replica). The killed node stays down; {@link #restartStoppedNodes()} brings it back as a replica.
     */
    public RedisServer killPrimaryOf(String key, Duration timeout) {
        int slot = keySlot(key);
        RedisServer old = primaryForSlot(slot);
        String oldId = nodeId(old);
        old.kill();
        int newPort = Await.until(timeout, "a replica of " + old + " to take over slot " + slot + " and cluster_state:ok",
                () -> agreedOwner(slot, oldId), this::diagnostics);
        return server(newPort);
    }

    /**
     * Kills ({@code kill -9}) a replica of {@code primary} and waits (at most {@link #CHANGE_TIMEOUT}) until every running
     * node flags it {@code fail}: from then on {@code CLUSTER SLOTS} no longer lists it, and the primary has one replica
     * less to acknowledge {@code WAIT}. Returns the killed replica; {@link #restartStoppedNodes()} brings it back.
     */
    public RedisServer killReplicaOf(RedisServer primary) {
        RedisServer replica = replicaOf(primary).orElseThrow(() -> new IllegalStateException(primary + " has no running replica"));
        String id = nodeId(replica);
        replica.kill();
        Await.until(CHANGE_TIMEOUT, "every running node to flag the killed replica " + replica + " as failed", () -> {
            for (RedisServer node : nodes) {
                if (node.isRunning()) {
                    ClusterNode seen = parseNodes(node.command("CLUSTER", "NODES")).get(id);
                    if (seen == null || !seen.flags().contains("fail")) {
                        return null;
                    }
                }
            }
            return Boolean.TRUE;
        }, this::diagnostics);
        return replica;
    }

    /** {@link #migrateSlot(int, RedisServer, Duration)} bounded by {@link #CHANGE_TIMEOUT} (20 s). */
    public void migrateSlot(int slot, RedisServer target) {
        migrateSlot(slot, target, CHANGE_TIMEOUT);
    }

    /** {@link #migrateSlot(int, RedisServer, int, Duration)} with 100 keys per {@code MIGRATE}. */
    public void migrateSlot(int slot, RedisServer target, Duration timeout) {
        migrateSlot(slot, target, 100, timeout);
    }

    /**
     * Moves {@code slot} and its keys to the primary {@code target}: {@code CLUSTER SETSLOT IMPORTING} on the target,
     * {@code MIGRATING} on the source, {@code MIGRATE} of the keys ({@code keysPerMigrate} at a time: fewer make the
     * migration last longer, with keys of the slot on both nodes meanwhile, answered by {@code ASK}), then
     * {@code SETSLOT NODE} on the target, the source and the other primaries; waits (at most {@code timeout}) until
     * every running node agrees.
     */
    public void migrateSlot(int slot, RedisServer target, int keysPerMigrate, Duration timeout) {
        checkSlot(slot);
        if (keysPerMigrate < 1 || keysPerMigrate > 1000) {
            throw new IllegalArgumentException("keys per MIGRATE: 1 to 1000, not " + keysPerMigrate);
        }
        RedisServer source = primaryForSlot(slot);
        if (source == target) {
            return;
        }
        String sourceId = nodeId(source);
        String targetId = nodeId(target);
        target.command("CLUSTER", "SETSLOT", Integer.toString(slot), "IMPORTING", sourceId);
        source.command("CLUSTER", "SETSLOT", Integer.toString(slot), "MIGRATING", targetId);
        long deadline = System.nanoTime() + timeout.toNanos();
        for (int batch = 0; batch < 100_000; batch++) {
            String keys = source.command("CLUSTER", "GETKEYSINSLOT", Integer.toString(slot), Integer.toString(keysPerMigrate));
            if (keys == null || keys.isEmpty()) {
                break;
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("slot " + slot + " not migrated within " + timeout);
            }
            List<String> migrate = new ArrayList<>(List.of("MIGRATE", target.host(), Integer.toString(target.port()),
                    "", "0", "5000"));
            if (password != null) {
                migrate.addAll(List.of("AUTH", password));
            }
            migrate.add("KEYS");
            migrate.addAll(List.of(keys.split("\n")));
            source.command(migrate.toArray(String[]::new));
        }
        target.command("CLUSTER", "SETSLOT", Integer.toString(slot), "NODE", targetId);
        source.command("CLUSTER", "SETSLOT", Integer.toString(slot), "NODE", targetId);
        for (RedisServer primary : primaries()) {
            if (primary != source && primary != target) {
                primary.command("CLUSTER", "SETSLOT", Integer.toString(slot), "NODE", targetId);
            }
        }
        Await.until(Duration.ofNanos(Math.max(0, deadline - System.nanoTime())),
                "every node to agree that " + target + " owns slot " + slot,
                () -> {
                    Integer port = agreedOwner(slot, sourceId);
                    return port != null && port == target.port() ? port : null;
                }, this::diagnostics);
    }

    /**
     * Waits (at most {@code timeout}) until every running replica has processed its primary's replication stream up
     * to the primary's current offset: what was written on the primaries before is on the replicas.
     */
    public void awaitReplicasInSync(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        Map<String, ClusterNode> view = view();
        for (ClusterNode replica : view.values()) {
            ClusterNode primary = view.get(replica.masterId());
            if (replica.flags().contains("slave") && primary != null && server(replica.port()).isRunning()
                    && server(primary.port()).isRunning()) {
                RedisReplication.awaitInSync(server(primary.port()), server(replica.port()),
                        Duration.ofNanos(Math.max(0, deadline - System.nanoTime())));
            }
        }
    }

    /** {@link #awaitClusterOk(Duration)} bounded by {@link #CHANGE_TIMEOUT}. */
    public void awaitClusterOk() {
        awaitClusterOk(CHANGE_TIMEOUT);
    }

    /** Waits until every running node says {@code cluster_state:ok} and covers all slots. */
    public void awaitClusterOk(Duration timeout) {
        Await.until(timeout, "cluster_state:ok on every running node", this::allOk, this::diagnostics);
    }

    /**
     * Restarts every node that is not running (killed, stopped) on its port with its {@code nodes.conf}: it rejoins
     * (a former primary as a replica of the node that took over). Waits (at most {@link #CHANGE_TIMEOUT}) until each
     * restarted replica is linked to its primary, no running node flags a restarted node {@code fail}, every running
     * node sees every running node in the same role (primary of the same slots, or replica of the same primary), and
     * the cluster is ok: {@link #primaries()}, {@link #replicas()} and {@link #replicaOf(RedisServer)} then answer the
     * same whichever node they ask.
     */
    public void restartStoppedNodes() {
        List<RedisServer> restarted = new ArrayList<>();
        for (RedisServer node : nodes) {
            if (!node.isRunning()) {
                node.restart();
                restarted.add(node);
            }
        }
        if (restarted.isEmpty()) {
            return;
        }
        Await.until(CHANGE_TIMEOUT, "restarted nodes " + restarted + " to rejoin and every running node to agree on"
                + " the roles", () -> {
                    Map<RedisServer, Map<String, ClusterNode>> views = runningViews();
                    for (RedisServer node : restarted) {
                        ClusterNode self = myself(views.get(node));
                        if (self.flags().contains("slave")
                                && !"up".equals(Await.infoField(node.command("INFO", "replication"), "master_link_status"))) {
                            return null;
                        }
                        for (Map<String, ClusterNode> view : views.values()) {
                            ClusterNode seen = view.get(self.id());
                            if (seen == null || seen.flags().contains("fail")) {
                                return null;
                            }
                        }
                    }
                    return rolesAgreed(views) ? allOk() : null;
                }, this::diagnostics);
    }

    /** Closes every node. Idempotent. */
    @Override
    public void close() {
        Await.closeAll(nodes);
    }

    @Override
    public String toString() {
        return "RedisCluster[" + nodes.stream().map(n -> n.port() + (n.isRunning() ? "" : "(down)"))
                .collect(Collectors.joining(",")) + "]";
    }

    /** The hash slot of {@code key}: CRC16 (XMODEM) of the key, or of its hash tag ({@code {tag}}), mod 16384. */
    public static int keySlot(String key) {
        byte[] bytes = key.getBytes(StandardCharsets.UTF_8);
        int start = 0;
        int end = bytes.length;
        int open = indexOf(bytes, (byte) '{', 0);
        if (open >= 0) {
            int close = indexOf(bytes, (byte) '}', open + 1);
            if (close > open + 1) {
                start = open + 1;
                end = close;
            }
        }
        return crc16(bytes, start, end) & (SLOTS - 1);
    }

    static int crc16(byte[] bytes, int start, int end) {
        int crc = 0;
        for (int i = start; i < end; i++) {
            crc ^= (bytes[i] & 0xff) << 8;
            for (int bit = 0; bit < 8; bit++) {
                crc = (crc & 0x8000) != 0 ? (crc << 1) ^ 0x1021 : crc << 1;
            }
        }
        return crc & 0xffff;
    }

    private static int indexOf(byte[] bytes, byte b, int from) {
        for (int i = from; i < bytes.length; i++) {
            if (bytes[i] == b) {
                return i;
            }
        }
        return -1;
    }

    private static void checkSlot(int slot) {
        if (slot < 0 || slot >= SLOTS) {
            throw new IllegalArgumentException("slot " + slot + " not in 0.." + (SLOTS - 1));
        }
    }

    // --- views of the cluster -------------------------------------------------------------------------------------

    /** One line of {@code CLUSTER NODES}; {@code slots} without the {@code [..->-..]} migration entries. */
    record ClusterNode(String id, int port, Set<String> flags, String masterId, List<int[]> slots) {

        boolean owns(int slot) {
            return slots.stream().anyMatch(range -> range[0] <= slot && slot <= range[1]);
        }

        /** {@code replica of ID} or {@code primary of FROM-TO,...}: what every node's view of this node must agree on. */
        String role() {
            return flags.contains("slave") ? "replica of " + masterId
                    : "primary of " + slots.stream().map(range -> range[0] + "-" + range[1]).collect(Collectors.joining(","));
        }
    }

    static Map<String, ClusterNode> parseNodes(String clusterNodes) {
        Map<String, ClusterNode> nodes = new LinkedHashMap<>();
        for (String line : clusterNodes.split("\n")) {
            String[] fields = line.trim().split(" ");
            if (fields.length < 8) {
                continue;
            }
            String address = fields[1];
            int colon = address.lastIndexOf(':', address.indexOf('@') < 0 ? address.length() : address.indexOf('@'));
            int at = address.indexOf('@');
            int port = Integer.parseInt(address.substring(colon + 1, at < 0 ? address.length() : at));
            List<int[]> slots = new ArrayList<>();
            for (int i = 8; i < fields.length; i++) {
                String slot = fields[i];
                if (slot.startsWith("[")) {
                    continue;
                }
                int dash = slot.indexOf('-');
                slots.add(dash < 0 ? new int[] {Integer.parseInt(slot), Integer.parseInt(slot)}
                        : new int[] {Integer.parseInt(slot.substring(0, dash)), Integer.parseInt(slot.substring(dash + 1))});
            }
            nodes.put(fields[0], new ClusterNode(fields[0], port, Set.of(fields[2].split(",")), fields[3], slots));
        }
        return nodes;
    }

    /** {@code CLUSTER NODES} of the first running node that answers. */
    private Map<String, ClusterNode> view() {
        RuntimeException failure = null;
        for (RedisServer node : nodes) {
            if (node.isRunning()) {
                try {
                    return parseNodes(node.command("CLUSTER", "NODES"));
                } catch (RuntimeException e) {
                    failure = e;
                }
            }
        }
        throw new IllegalStateException("no cluster node answered CLUSTER NODES: " + this, failure);
    }

    /** {@code CLUSTER NODES} of every running node. */
    private Map<RedisServer, Map<String, ClusterNode>> runningViews() {
        Map<RedisServer, Map<String, ClusterNode>> views = new LinkedHashMap<>();
        for (RedisServer node : nodes) {
            if (node.isRunning()) {
                views.put(node, parseNodes(node.command("CLUSTER", "NODES")));
            }
        }
        return views;
    }

    private static ClusterNode myself(Map<String, ClusterNode> view) {
        return view.values().stream().filter(n -> n.flags().contains("myself")).findFirst()
                .orElseThrow(() -> new IllegalStateException("no 'myself' line in CLUSTER NODES"));
    }

    /**
     * Whether every view shows every running node in the role it claims for itself. A node learns another's role
     * only from that node's own PING/PONG (gossip about third nodes carries no role), so a former primary that turned
     * into a replica stays a primary without slots in some views for up to a ping interval (about a second).
     */
    private static boolean rolesAgreed(Map<RedisServer, Map<String, ClusterNode>> views) {
        List<ClusterNode> selves = views.values().stream().map(RedisCluster::myself).toList();
        for (Map<String, ClusterNode> view : views.values()) {
            for (ClusterNode self : selves) {
                ClusterNode seen = view.get(self.id());
                if (seen == null || !seen.role().equals(self.role())) {
                    return false;
                }
            }
        }
        return true;
    }

    private static ClusterNode owner(Map<String, ClusterNode> view, int slot) {
        return view.values().stream().filter(n -> n.flags().contains("master") && n.owns(slot)).findFirst()
                .orElseThrow(() -> new IllegalStateException("no node serves slot " + slot));
    }

    private RedisServer server(int port) {
        return nodes.stream().filter(n -> n.port() == port).findFirst()
                .orElseThrow(() -> new IllegalStateException("port " + port + " is not a node of " + this));
    }

    /** The port of the node every running node sees owning {@code slot} if not {@code notId}, running, and all ok. */
    private Integer agreedOwner(int slot, String notId) {
        Integer agreed = null;
        for (RedisServer node : nodes) {
            if (node.isRunning()) {
                ClusterNode owner = owner(parseNodes(node.command("CLUSTER", "NODES")), slot);
                if (owner.id().equals(notId) || (agreed != null && agreed != owner.port()) || !server(owner.port()).isRunning()) {
                    return null;
                }
                agreed = owner.port();
            }
        }
        return agreed != null && allOk() != null ? agreed : null;
    }

    private Boolean allOk() {
        for (RedisServer node : nodes) {
            if (node.isRunning()) {
                String info = node.command("CLUSTER", "INFO");
                if (!"ok".equals(Await.infoField(info, "cluster_state"))
                        || !Integer.toString(SLOTS).equals(Await.infoField(info, "cluster_slots_ok"))) {
                    return null;
                }
            }
        }
        return Boolean.TRUE;
    }

    private String diagnostics() {
        StringBuilder text = new StringBuilder(toString()).append('\n');
        for (RedisServer node : nodes) {
            if (node.isRunning()) {
                try {
                    text.append("--- CLUSTER NODES of ").append(node.port()).append(" ---\n")
                            .append(node.command("CLUSTER", "NODES")).append('\n');
                } catch (RuntimeException e) {
                    text.append(e).append('\n');
                }
            }
        }
        for (RedisServer node : nodes) {
            String tail = node.logTail();
            String[] lines = tail.split("\n");
            text.append("--- log of ").append(node).append(" (last 15 lines) ---\n")
                    .append(String.join("\n", java.util.Arrays.asList(lines).subList(Math.max(0, lines.length - 15),
                            lines.length))).append('\n');
        }
        return text.toString();
    }

    /**
     * Settings of a {@link RedisCluster}; defaults: 3 primaries, 1 replica each, {@code cluster-node-timeout 2000},
     * {@code cluster-replica-validity-factor 0} (a replica may always take over), no password. Reusable.
     */
    public static final class Builder {

        private int primaries = 3;
        private int replicasPerPrimary = 1;
        private Duration nodeTimeout = Duration.ofMillis(2000);
        private String password;
        private RedisBinary binary;
        private final List<String[]> config = new ArrayList<>();

        private Builder() {
        }

        /** The number of primaries (3 to 16; default 3): slots are split evenly. */
        public Builder primaries(int count) {
            if (count < 3 || count > 16) {
                throw new IllegalArgumentException("primaries: 3 to 16, not " + count);
            }
            this.primaries = count;
            return this;
        }

        /** Replicas of each primary (0 to 4; default 1). */
        public Builder replicasPerPrimary(int count) {
            if (count < 0 || count > 4) {
                throw new IllegalArgumentException("replicas per primary: 0 to 4, not " + count);
            }
            this.replicasPerPrimary = count;
            return this;
        }

        /** {@code cluster-node-timeout} (default 2 s): how soon a dead primary is failed over. */
        public Builder nodeTimeout(Duration timeout) {
            if (timeout.toMillis() < 100) {
                throw new IllegalArgumentException("node timeout < 100 ms: " + timeout);
            }
            this.nodeTimeout = timeout;
            return this;
        }

        /** {@code requirepass} and {@code masterauth} on every node. */
        public Builder password(String password) {
            this.password = Objects.requireNonNull(password);
            return this;
        }

        public Builder binary(RedisBinary binary) {
            this.binary = Objects.requireNonNull(binary);
            return this;
        }

        /** An extra configuration line on every node (after the cluster defaults, so it wins). */
        public Builder config(String name, String value) {
            config.add(new String[] {Objects.requireNonNull(name), Objects.requireNonNull(value)});
            return this;
        }

        /** Starts the nodes and creates the cluster; returns once it is ok everywhere and every replica is linked. */
        public RedisCluster start() {
            RedisBinary resolved = binary != null ? binary : RedisBinary.locate();
            boolean busPortOption = resolved.majorVersion() >= 7;
            int total = primaries * (1 + replicasPerPrimary);
            List<RedisServer> started = new ArrayList<>();
            try {
                for (int i = 0; i < total; i++) {
                    List<String[]> lines = new ArrayList<>();
                    lines.add(new String[] {"cluster-enabled", "yes"});
                    lines.add(new String[] {"cluster-config-file", "nodes.conf"});
                    lines.add(new String[] {"cluster-node-timeout", Long.toString(nodeTimeout.toMillis())});
                    lines.add(new String[] {"cluster-replica-validity-factor", "0"});
                    if (busPortOption) {
                        // the default bus port (port + 10000) may be taken, or beyond 65535
                        lines.add(new String[] {"cluster-port", Integer.toString(FreePorts.next())});
                    }
                    lines.addAll(config);
                    started.add(RedisReplication.nodeBuilder(resolved, password, lines).start());
                }
                RedisCluster cluster = new RedisCluster(started, password);
                create(cluster, started, busPortOption);
                return cluster;
            } catch (RuntimeException e) {
                try {
                    Await.closeAll(started);
                } catch (RuntimeException suppressed) {
                    e.addSuppressed(suppressed);
                }
                throw e;
            }
        }

        private void create(RedisCluster cluster, List<RedisServer> nodes, boolean busPortOption) {
            long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
            List<String> ids = new ArrayList<>();
            for (int i = 0; i < nodes.size(); i++) {
                RedisServer node = nodes.get(i);
                node.command("CLUSTER", "SET-CONFIG-EPOCH", Integer.toString(i + 1));
                ids.add(node.command("CLUSTER", "MYID"));
            }
            RedisServer first = nodes.get(0);
            for (RedisServer node : nodes.subList(1, nodes.size())) {
                if (busPortOption) {
                    String busPort = node.command("CONFIG", "GET", "cluster-port").split("\n")[1];
                    first.command("CLUSTER", "MEET", node.host(), Integer.toString(node.port()), busPort);
                } else {
                    first.command("CLUSTER", "MEET", node.host(), Integer.toString(node.port()));
                }
            }
            for (int p = 0; p < primaries; p++) {
                int from = p * SLOTS / primaries;
                int to = (p + 1) * SLOTS / primaries - 1;
                List<String> addSlots = new ArrayList<>(List.of("CLUSTER", "ADDSLOTS"));
                IntStream.rangeClosed(from, to).forEach(slot -> addSlots.add(Integer.toString(slot)));
                nodes.get(p).command(addSlots.toArray(String[]::new));
            }
            Set<String> all = new HashSet<>(ids);
            Await.until(remaining(deadline), "every node to know the " + nodes.size() + " nodes", () -> {
                for (RedisServer node : nodes) {
                    Map<String, ClusterNode> view = parseNodes(node.command("CLUSTER", "NODES"));
                    if (!view.keySet().equals(all) || view.values().stream().anyMatch(n -> n.flags().contains("handshake")
                            || n.flags().contains("noaddr"))) {
                        return null;
                    }
                }
                return Boolean.TRUE;
            }, cluster::diagnostics);
            for (int r = primaries; r < nodes.size(); r++) {
                nodes.get(r).command("CLUSTER", "REPLICATE", ids.get((r - primaries) % primaries));
            }
            Await.until(remaining(deadline), "cluster_state:ok, every replica known and linked everywhere", () -> {
                for (RedisServer node : nodes) {
                    Map<String, ClusterNode> view = parseNodes(node.command("CLUSTER", "NODES"));
                    if (view.values().stream().filter(n -> n.flags().contains("slave")).count() != nodes.size() - primaries) {
                        return null;
                    }
                }
                for (RedisServer replica : nodes.subList(primaries, nodes.size())) {
                    if (!"up".equals(Await.infoField(replica.command("INFO", "replication"), "master_link_status"))) {
                        return null;
                    }
                }
                return cluster.allOk();
            }, cluster::diagnostics);
        }

        private static Duration remaining(long deadline) {
            return Duration.ofNanos(Math.max(0, deadline - System.nanoTime()));
        }
    }
}
