package dev.rediscdi.internal.client;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.RejectedExecutionException;
import java.util.logging.Level;
import java.util.logging.Logger;

import io.vertx.core.Vertx;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.Redis;
import io.vertx.redis.client.RedisClientType;
import io.vertx.redis.client.RedisOptions;
import io.vertx.redis.client.Request;
import io.vertx.redis.client.Response;

/**
 * Commands that must reach one given primary of a cluster, such as {@code SCAN}: it has no key, so the driver's
 * cluster client sends it to any node, and its public API cannot aim at one. Each node gets a standalone driver
 * client of its own, opened on first use with the cluster client's options (credentials, TLS, timeouts) and closed
 * with the client, or once the node is no longer a primary ({@link #learnPrimaries(Response)}).
 */
final class ClusterNodes {
    private static final Logger LOG = Logger.getLogger(ClusterNodes.class.getName());

    /** One node's client, and how many commands sent through it are still awaited. */
    private static final class NodeClient {
        final Redis driver;
        int inFlight; // guarded by ClusterNodes.this

        NodeClient(Redis driver) {
            this.driver = driver;
        }
    }

    private final Vertx vertx;
    private final RedisOptions options;
    private final String clientLabel;
    private final Failures failures;
    private final CommandDeadlines deadlines;
    private final long timeoutNanos;
    // all guarded by this
    private final Map<String, NodeClient> clients = new HashMap<>();
    /** The primaries ({@code host:port}) the cluster named last; {@code null} before it named any. */
    private Set<String> primaries;
    private boolean closed;

    ClusterNodes(Vertx vertx, RedisOptions options, String clientLabel, Failures failures, CommandDeadlines deadlines, long timeoutNanos) {
        this.vertx = vertx;
        this.options = options;
        this.clientLabel = clientLabel;
        this.failures = failures;
        this.deadlines = deadlines;
        this.timeoutNanos = timeoutNanos;
    }

    /** The request that asks the cluster for its slots, and so its primaries. */
    static Request slotsRequest() {
        return Request.cmd(Command.CLUSTER).arg("SLOTS");
    }

    /**
     * The primaries ({@code host:port}) in a {@code CLUSTER SLOTS} reply, sorted: each serves at least one slot range.
     * A node that does not know its own address answers an empty host: the host the client connects to stands in.
     * They are the primaries from now on ({@link #learned(Collection)}).
     */
    List<String> learnPrimaries(Response slots) {
        List<String> named = primaries(slots, NodeUri.host(options.getEndpoint()));
        learned(named);
        return named;
    }

    /**
     * As {@link #learnPrimaries(Response)}, learning nothing; {@code fallbackHost} stands in for a node that does not
     * know its own address.
     */
    static List<String> primaries(Response slots, String fallbackHost) {
        return List.copyOf(new TreeSet<>(SlotOwners.of(slots, fallbackHost).primaries()));
    }

    /**
     * The cluster named {@code named} as its primaries ({@code host:port}): the client of every other node is closed,
     * now if no command sent through it is awaited, else once none is.
     *
     * <p>Why this rule: the nodes of a cluster come and go at new addresses (a pod replaced, a node replaced after a
     * failure), and a client per address ever seen would keep growing, its idle connections open to nodes that are
     * no longer primaries. What is sent through this class goes to a primary (a SCAN page, {@code CLUSTER SLOTS}; a
     * configured node only when no primary answers), so a node the cluster no longer names is seldom asked again; if
     * it is (the next page of a SCAN started before a failover), it gets a new client, closed again once settled.
     * Waiting for the commands in flight, rather than closing at once or after an idle time (which a slow page may
     * outlast), is what keeps a page on its way from failing because its client was closed under it: the count is
     * taken under the same lock as the decision to close.
     */
    void learned(Collection<String> named) {
        if (named.isEmpty()) {
            return; // a node that serves no slot yet (a cluster being set up) names none: nothing to learn
        }
        Map<String, NodeClient> gone = new HashMap<>();
        synchronized (this) {
            if (closed) {
                return;
            }
            primaries = Set.copyOf(named);
            clients.entrySet().removeIf(each -> {
                boolean retired = !primaries.contains(each.getKey()) && each.getValue().inFlight == 0;
                if (retired) {
                    gone.put(each.getKey(), each.getValue());
                }
                return retired;
            });
        }
        gone.forEach(this::retire);
    }

    /** Sends {@code request} to the node {@code hostPort}, within the client's timeout. */
    CompletionStage<Response> send(String hostPort, Request request) {
        NodeClient node;
        synchronized (this) {
            if (closed) {
                throw new IllegalStateException("the Redis client is closed");
            }
            node = clients.computeIfAbsent(hostPort, each -> new NodeClient(
                    standaloneClient(vertx, options, NodeUri.withHostPort(options.getEndpoint(), each), 2, clientLabel)));
            node.inFlight++;
        }
        PendingCommand pending = new PendingCommand(request, System.nanoTime() + timeoutNanos, failures);
        // settled by its reply or its deadline, whichever comes first: a node that never answers does not keep its client
        pending.whenComplete((reply, error) -> settled(hostPort, node));
        deadlines.track(pending);
        node.driver.send(request).onComplete(pending);
        return pending;
    }

    /** A command sent through {@code node} is settled: its client is closed if it was the last one awaited of a node no longer a primary. */
    private void settled(String hostPort, NodeClient node) {
        synchronized (this) {
            node.inFlight--;
            if (node.inFlight > 0 || primaries == null || primaries.contains(hostPort) || clients.get(hostPort) != node) {
                return;
            }
            clients.remove(hostPort);
        }
        retire(hostPort, node);
    }

    /**
     * Closes the client of a node no longer a primary, on a turn of its own: this may run within the reply handler of
     * one of its commands, before the driver gave the connection back to the pool.
     */
    private void retire(String hostPort, NodeClient node) {
        LOG.log(Level.FINE, () -> clientLabel + ": " + hostPort + " is no longer a primary of the cluster; closing its client");
        try {
            vertx.runOnContext(later -> node.driver.close());
        } catch (RejectedExecutionException stopped) { // its Vert.x stopped: nothing runs any more, close it here
            node.driver.close();
        }
    }

    /**
     * A standalone driver client for the node at {@code endpoint}, with the cluster client's options otherwise. Its
     * calls reach the driver on Vert.x threads ({@link VertxThreadRedis}): a SCAN page, or a shard subscription's
     * {@code CLUSTER SLOTS}, may be asked for on the caller's thread.
     */
    static Redis standaloneClient(Vertx vertx, RedisOptions clusterOptions, String endpoint, int poolSize, String clientLabel) {
        RedisOptions node = new RedisOptions(clusterOptions)
                .setType(RedisClientType.STANDALONE)
                .setEndpoints(List.of(endpoint))
                .setMaxPoolSize(poolSize);
        return VertxThreadRedis.create(vertx, node, clientLabel);
    }

    void close() {
        List<NodeClient> open;
        synchronized (this) {
            closed = true;
            open = new ArrayList<>(clients.values());
            clients.clear();
        }
        open.forEach(node -> node.driver.close());
    }
}
