package dev.rediscdi.internal.client;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Level;
import java.util.logging.Logger;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.redis.client.Redis;
import io.vertx.redis.client.RedisConnection;
import io.vertx.redis.client.RedisOptions;

/**
 * The subscription connection on a cluster: a plain connection to one node. A cluster relays every PUBLISH to
 * every node, so any node serves a (non-sharded) subscription.
 *
 * <p>Why not the driver's cluster connection: it spans one connection per node and opens only when every node
 * answers, so one frozen or unreachable node held back every resubscription; it sends each SUBSCRIBE to a primary of
 * its choice, and the heartbeat's PING to any node, so a frozen node carrying the subscriptions went unnoticed
 * while the others answered the PINGs.
 *
 * <p>Each attempt takes the next node in turn: the primaries the cluster named on the last connection, then the
 * configured nodes. A node that refuses passes the attempt on to the next; one that accepts and then answers
 * nothing holds the attempt until its deadline, and the next attempt starts past it.
 */
final class ClusterSubscriptionConnector implements SubscriptionConnector {
    private static final Logger LOG = Logger.getLogger(ClusterSubscriptionConnector.class.getName());

    private final Vertx vertx;
    private final RedisOptions options;
    private final List<String> configured;
    private final Map<String, Redis> clients = new ConcurrentHashMap<>();
    private final AtomicInteger turn = new AtomicInteger();
    /** The primaries ({@code host:port}) the cluster named last, empty before the first connection. */
    private volatile List<String> named = List.of();
    private volatile boolean closed;

    ClusterSubscriptionConnector(Vertx vertx, RedisOptions options) {
        this.vertx = vertx;
        this.options = options;
        this.configured = List.copyOf(options.getEndpoints());
    }

    @Override
    public Future<RedisConnection> connect() {
        List<String> nodes = candidates();
        Promise<RedisConnection> result = Promise.promise();
        tryNode(nodes, Math.floorMod(turn.getAndIncrement(), nodes.size()), 0, null, result);
        return result.future();
    }

    /** The connection strings to try, named primaries first, each node once. */
    List<String> candidates() {
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
        clientFor(node).connect().onComplete(attempt -> {
            if (attempt.failed()) {
                LOG.log(Level.FINE, () -> "subscription connection to a cluster node failed, trying the next: " + attempt.cause());
                tryNode(nodes, first, tried + 1, attempt.cause(), result);
            } else {
                learnPrimaries(attempt.result(), result);
            }
        });
    }

    /** Asks the node just reached for the cluster's primaries, for the next attempts; the connection is used either way. */
    private void learnPrimaries(RedisConnection connection, Promise<RedisConnection> result) {
        connection.send(ClusterNodes.slotsRequest()).onComplete(slots -> {
            if (slots.succeeded()) {
                List<String> primaries = ClusterNodes.primaries(slots.result(), NodeUri.host(options.getEndpoint()));
                if (!primaries.isEmpty()) {
                    named = primaries;
                }
            }
            result.complete(connection);
        });
    }

    private Redis clientFor(String node) {
        Redis client = clients.computeIfAbsent(node, endpoint -> ClusterNodes.standaloneClient(vertx, options, endpoint, 1));
        if (closed) { // closed meanwhile: close() may have missed the client just opened
            client.close();
        }
        return client;
    }

    @Override
    public void close() {
        closed = true;
        clients.values().forEach(Redis::close);
        clients.clear();
    }
}
