package dev.rediscdi.internal.client;

import io.vertx.redis.client.RedisConnection;
import io.vertx.redis.client.impl.PooledRedisConnection;

/** Which node a driver connection is open on, when that is not the primary the Sentinels name. */
final class OffPrimary {
    private OffPrimary() {
    }

    /**
     * The node ({@code host:port}) {@code connection} is open on, if that is one node and not {@code primary};
     * {@code null} when it is on the primary, spans several nodes, or is {@code null}.
     */
    static String node(RedisConnection connection, String primary) {
        if (connection == null) {
            return null;
        }
        String node = DriverConnections.node(connection);
        return node == null || node.equals(primary) ? null : node;
    }

    /** The node ({@code host:port}) of {@code socket} if it is not {@code primary}, else {@code null}. */
    static String node(PooledRedisConnection socket, String primary) {
        String node = DriverConnections.node(socket);
        return node.equals(primary) ? null : node;
    }
}
