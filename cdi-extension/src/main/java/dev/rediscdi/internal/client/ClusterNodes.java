package dev.rediscdi.internal.client;

import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;

import io.vertx.core.Vertx;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.Redis;
import io.vertx.redis.client.RedisClientType;
import io.vertx.redis.client.RedisOptions;
import io.vertx.redis.client.Request;
import io.vertx.redis.client.Response;

/**
 * Commands that must reach one given primary of a cluster, such as {@code SCAN}: it has no key, so the driver's
 * cluster client sends it to any node, and its public API cannot aim at one. Each primary gets a standalone
 * driver client of its own, opened on first use with the cluster client's options (credentials, TLS, timeouts)
 * and closed with the client.
 */
final class ClusterNodes {
    private final Vertx vertx;
    private final RedisOptions options;
    private final String clientLabel;
    private final Failures failures;
    private final CommandDeadlines deadlines;
    private final long timeoutNanos;
    private final Map<String, Redis> clients = new ConcurrentHashMap<>();
    private volatile boolean closed;

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
     */
    List<String> primaries(Response slots) {
        return primaries(slots, NodeUri.host(options.getEndpoint()));
    }

    /** As {@link #primaries(Response)}; {@code fallbackHost} stands in for a node that does not know its own address. */
    static List<String> primaries(Response slots, String fallbackHost) {
        return List.copyOf(new TreeSet<>(SlotOwners.of(slots, fallbackHost).primaries()));
    }

    /** Sends {@code request} to the node {@code hostPort}, within the client's timeout. */
    CompletionStage<Response> send(String hostPort, Request request) {
        if (closed) {
            throw new IllegalStateException("the Redis client is closed");
        }
        PendingCommand pending = new PendingCommand(request, System.nanoTime() + timeoutNanos, failures);
        deadlines.track(pending);
        Redis node = clients.computeIfAbsent(hostPort, each -> standaloneClient(vertx, options, NodeUri.withHostPort(options.getEndpoint(), each), 2, clientLabel));
        if (closed) { // closed meanwhile: close() may have missed the client just opened
            node.close();
            throw new IllegalStateException("the Redis client is closed");
        }
        node.send(request).onComplete(pending);
        return pending;
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
        return VertxThreadRedis.of(Redis.createClient(vertx, node), vertx, clientLabel);
    }

    void close() {
        closed = true;
        clients.values().forEach(Redis::close);
        clients.clear();
    }
}
