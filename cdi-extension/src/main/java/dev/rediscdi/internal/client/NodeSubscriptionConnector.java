package dev.rediscdi.internal.client;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Level;
import java.util.logging.Logger;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.redis.client.Redis;
import io.vertx.redis.client.RedisClientType;
import io.vertx.redis.client.RedisConnection;
import io.vertx.redis.client.RedisOptions;
import io.vertx.redis.client.impl.types.ErrorType;

/**
 * The subscription connection on a cluster or a replication group: a plain connection to one node. A cluster relays
 * every PUBLISH to every node, and replicas relay their primary's, so any node serves a (non-sharded) subscription.
 *
 * <p>Why not the driver's connection for those topologies: it spans one connection per node and opens only when
 * every node answers, so one frozen or unreachable node held back every resubscription; its end and exception
 * handlers are those of every node, so a replica closing an idle connection (Redis' {@code timeout}) tore the
 * subscription down; and it sends each SUBSCRIBE, UNSUBSCRIBE and the heartbeat's PING to a node of its choice.
 *
 * <p>Nodes are tried in turn, from the one that answered last, or the next one if that one's connection was lost: on
 * a cluster the primaries it named on the last connection ({@code CLUSTER SLOTS}), then the configured nodes; in a
 * replication group the configured nodes, in their order. A node that refuses, or accepts and then answers nothing
 * within the timeout, passes the attempt on to the next.
 */
final class NodeSubscriptionConnector implements SubscriptionConnector {
    private static final Logger LOG = Logger.getLogger(NodeSubscriptionConnector.class.getName());

    private final Vertx vertx;
    private final RedisOptions options;
    private final String clientLabel;
    private final boolean cluster;
    private final long timeoutMillis;
    private final List<String> configured;
    private final Map<String, Redis> clients = new ConcurrentHashMap<>();
    /** The primaries ({@code host:port}) the cluster named last, empty before the first connection. */
    private volatile List<String> named = List.of();
    /** The connection string of the node to try first: the one that answered last, or the next one if it was lost. */
    private volatile String preferred;
    /** The last connection handed out, and its node. */
    private volatile RedisConnection handedOut;
    private volatile String handedOutBy;
    private volatile boolean closed;

    NodeSubscriptionConnector(Vertx vertx, RedisOptions options, Duration timeout, String clientLabel) {
        this.vertx = vertx;
        this.options = options;
        this.clientLabel = clientLabel;
        this.cluster = options.getType() == RedisClientType.CLUSTER;
        this.timeoutMillis = Math.max(1, timeout.toMillis());
        this.configured = List.copyOf(options.getEndpoints());
    }

    @Override
    public Future<RedisConnection> connect() {
        List<String> nodes = candidates();
        int first = Math.max(0, nodes.indexOf(preferred));
        Promise<RedisConnection> result = Promise.promise();
        tryNode(nodes, first, 0, null, result);
        return result.future();
    }

    /** The connection strings to try, named primaries first, each node once. */
    private List<String> candidates() {
        Map<String, String> byNode = new LinkedHashMap<>();
        String any = options.getEndpoint();
        for (String primary : named) {
            byNode.putIfAbsent(primary, NodeUri.withHostPort(any, primary));
        }
        for (String endpoint : configured) {
            byNode.putIfAbsent(NodeUri.hostPortOf(endpoint), endpoint);
        }
        return new ArrayList<>(byNode.values());
    }

    private void tryNode(List<String> nodes, int first, int tried, Throwable lastFailure, Promise<RedisConnection> result) {
        if (closed) {
            result.fail(new IllegalStateException("the client is closed"));
            return;
        }
        if (tried == nodes.size()) {
            result.fail(lastFailure);
            return;
        }
        String node = nodes.get((first + tried) % nodes.size());
        Future<RedisConnection> opened = clientFor(node).connect();
        Future<RedisConnection> attempt = BoundedConnect.within(vertx, timeoutMillis,
                cluster ? opened.compose(connection -> learnPrimaries(node, connection)) : opened);
        attempt.onComplete(done -> {
            if (done.succeeded()) {
                preferred = node;
                handedOutBy = node;
                handedOut = done.result();
                result.complete(done.result());
            } else {
                LOG.log(Level.FINE, () -> "subscription connection to a node failed, trying the next: " + done.cause());
                tryNode(nodes, first, tried + 1, done.cause(), result);
            }
        });
    }

    /**
     * Asks the cluster node just reached for the primaries, for the next attempts. A node that refuses
     * {@code CLUSTER SLOTS} still serves; one whose connection failed meanwhile (killed in a failover) is passed on.
     */
    private Future<RedisConnection> learnPrimaries(String node, RedisConnection connection) {
        return connection.send(ClusterNodes.slotsRequest()).transform(slots -> {
            if (slots.succeeded()) {
                List<String> primaries = ClusterNodes.primaries(slots.result(), NodeUri.host(node));
                if (!primaries.isEmpty() && !primaries.equals(named)) {
                    named = primaries;
                    forgetClientsOfNodesGone(node);
                }
            } else if (!(slots.cause() instanceof ErrorType)) {
                connection.close();
                return Future.failedFuture(slots.cause());
            }
            return Future.succeededFuture(connection);
        });
    }

    private Redis clientFor(String node) {
        Redis client = clients.computeIfAbsent(node, endpoint -> ClusterNodes.standaloneClient(vertx, options, endpoint, 1, clientLabel));
        if (closed) { // closed meanwhile: close() may have missed the client just opened
            client.close();
        }
        return client;
    }

    /** Closes the clients of nodes neither named nor configured any more (a node replaced in a failover, a new address). */
    private void forgetClientsOfNodesGone(String inUse) {
        List<String> current = candidates();
        clients.keySet().removeIf(node -> {
            if (current.contains(node) || node.equals(inUse)) {
                return false;
            }
            Redis gone = clients.get(node);
            if (gone != null) {
                gone.close();
            }
            return true;
        });
    }

    /** A node whose connection was lost (a frozen node, above all) is tried last, not first, by the next attempt. */
    @Override
    public void lost(RedisConnection connection) {
        String node = handedOutBy;
        if (connection == handedOut && node != null && node.equals(preferred)) {
            List<String> nodes = candidates();
            int at = nodes.indexOf(node);
            preferred = at < 0 ? null : nodes.get((at + 1) % nodes.size());
        }
    }

    @Override
    public void close() {
        closed = true;
        clients.values().forEach(Redis::close);
        clients.clear();
    }
}
