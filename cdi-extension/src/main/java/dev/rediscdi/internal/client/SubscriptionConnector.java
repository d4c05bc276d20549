package dev.rediscdi.internal.client;

import java.time.Duration;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.redis.client.Redis;
import io.vertx.redis.client.RedisClientType;
import io.vertx.redis.client.RedisConnection;
import io.vertx.redis.client.RedisOptions;

/**
 * Opens the subscription connection: one socket to one node, whatever the topology, so that every SUBSCRIBE,
 * UNSUBSCRIBE and heartbeat PING reaches the node that holds the subscriptions.
 */
interface SubscriptionConnector {

    Future<RedisConnection> connect();

    /** {@code connection}, which it handed out, was lost (closed, or silent): the next attempt may avoid its node. */
    default void lost(RedisConnection connection) {
    }

    /** Closes what it opened; the connections it handed out are closed by their owner. */
    void close();

    /**
     * The connector for the client whose driver options are {@code options}: on a cluster or a replication group one
     * node in turn ({@link NodeSubscriptionConnector}), elsewhere a driver client of its own.
     *
     * <p>Of its own, so that the command client's pool leases for scoped work are exactly max-pool-size less the
     * long-lived connections. On +switch-master the driver swaps the socket under every connection it handed out,
     * silently: the new socket has none of the subscriptions nor the handlers. This client does without that swap;
     * the subscription connection closes with the old primary and subscribes again by itself, and one left on an old
     * primary that still runs is moved by {@link SentinelPrimaryWatch}.
     */
    static SubscriptionConnector forClient(Vertx vertx, RedisOptions options, Duration timeout, String clientLabel) {
        if (options.getType() == RedisClientType.CLUSTER || options.getType() == RedisClientType.REPLICATION) {
            return new NodeSubscriptionConnector(vertx, options, timeout, clientLabel);
        }
        return of(VertxThreadRedis.create(vertx, new RedisOptions(options).setAutoFailover(false)
                .setMaxPoolSize(1).setMaxPoolWaiting(Math.max(1, options.getMaxPoolWaiting())), clientLabel));
    }

    /** Through {@code driver}, a client whose connections are one socket each (standalone, Sentinel, one node of a cluster). */
    static SubscriptionConnector of(Redis driver) {
        return new SubscriptionConnector() {
            @Override
            public Future<RedisConnection> connect() {
                return driver.connect();
            }

            @Override
            public void close() {
                driver.close();
            }
        };
    }
}
