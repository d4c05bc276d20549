package dev.rediscdi.internal.client;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.redis.client.Redis;
import io.vertx.redis.client.RedisClientType;
import io.vertx.redis.client.RedisConnection;
import io.vertx.redis.client.RedisOptions;
import io.vertx.redis.client.RedisReplicas;

/**
 * Opens the subscription connection: one socket to one node, whatever the topology, so that every SUBSCRIBE,
 * UNSUBSCRIBE and heartbeat PING reaches the node that holds the subscriptions.
 */
interface SubscriptionConnector {

    Future<RedisConnection> connect();

    /** Closes what it opened; the connections it handed out are closed by their owner. */
    void close();

    /**
     * The connector for the client whose driver options are {@code options}: on a cluster one node in turn
     * ({@link ClusterSubscriptionConnector}), elsewhere a driver client of its own.
     *
     * <p>Of its own, so that the command client's pool leases for scoped work are exactly max-pool-size less the
     * long-lived connections. On +switch-master the driver swaps the socket under every connection it handed out,
     * silently: the new socket has none of the subscriptions nor the handlers. This client does without that swap;
     * the subscription connection closes with the old primary and subscribes again by itself, and a primary demoted
     * without dying still relays what the new primary publishes. In a replication group it never uses the replicas:
     * the driver would send each SUBSCRIBE and UNSUBSCRIBE to a node of its choice (a topic subscribed twice then
     * heard twice, since replicas relay the primary's PUBLISH), and the heartbeat's PING to yet another.
     */
    static SubscriptionConnector forClient(Vertx vertx, RedisOptions options) {
        if (options.getType() == RedisClientType.CLUSTER) {
            return new ClusterSubscriptionConnector(vertx, options);
        }
        return of(Redis.createClient(vertx, new RedisOptions(options).setAutoFailover(false).setUseReplicas(RedisReplicas.NEVER)
                .setMaxPoolSize(1).setMaxPoolWaiting(Math.max(1, options.getMaxPoolWaiting()))));
    }

    /** Through {@code driver}, a client whose connections are one socket each, or whose commands all go to one node. */
    private static SubscriptionConnector of(Redis driver) {
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
