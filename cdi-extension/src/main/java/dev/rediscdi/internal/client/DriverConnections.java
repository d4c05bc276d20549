package dev.rediscdi.internal.client;

import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.logging.Level;
import java.util.logging.Logger;

import io.vertx.core.net.SocketAddress;
import io.vertx.redis.client.RedisConnection;
import io.vertx.redis.client.impl.PooledRedisConnection;
import io.vertx.redis.client.impl.RedisSentinelConnection;

/**
 * Closes a connection leased from the driver for good, never giving it back to the pool.
 *
 * <p>A connection leased on a cluster, a replication group or through Sentinel is a driver object spanning one
 * pooled connection per node ({@code RedisClusterConnection} keeps them in a map, {@code RedisReplicationConnection}
 * in a field and a list, {@code RedisSentinelConnection} in an atomic reference). Its {@code close()} gives every
 * one of them back to the pool, whatever state it is in (inside {@code MULTI}, watching keys, replies still on
 * their way), and the driver offers no public way to reach them. They are read here from the driver object's
 * fields: the driver version is pinned, and {@code DriverConnectionsTest} checks that each kind still yields its
 * node connections.
 */
final class DriverConnections {
    private static final Logger LOG = Logger.getLogger(DriverConnections.class.getName());
    private static final ClassValue<List<Field>> HOLDING = new ClassValue<>() {
        @Override
        protected List<Field> computeValue(Class<?> type) {
            List<Field> fields = new ArrayList<>();
            for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
                for (Field field : c.getDeclaredFields()) {
                    if (!Modifier.isStatic(field.getModifiers()) && mayHold(field.getType())) {
                        field.setAccessible(true);
                        fields.add(field);
                    }
                }
            }
            return List.copyOf(fields);
        }
    };

    private DriverConnections() {
    }

    /**
     * Closes every node connection under {@code connection}. The pool frees their places as their sockets close;
     * they are not handed back (a connection given back before its socket closed could be lent to the next caller).
     */
    static void discard(RedisConnection connection) {
        List<PooledRedisConnection> nodes;
        try {
            nodes = nodes(connection);
            if (connection instanceof RedisSentinelConnection sentinel) {
                forgetFailover(sentinel);
            }
        } catch (RuntimeException e) {
            // then it stays leased for good: a pooled connection lost is better than a dirty one lent to the next caller
            LOG.log(Level.SEVERE, "a connection that may be dirty could not be closed; it stays out of the pool", e);
            return;
        }
        for (PooledRedisConnection node : nodes) {
            try {
                node.actual().forceClose();
            } catch (RejectedExecutionException stopped) { // its event loop stopped (the client closed): the socket closed with it
                LOG.log(Level.FINE, "a connection's event loop had stopped before it was closed", stopped);
            }
        }
    }

    /**
     * A Sentinel connection registers with the driver's failover, which on {@code +switch-master} takes a new
     * pooled connection for every registered one; only {@code close()} deregisters it, and {@code close()} would
     * recycle its node connection. Left registered, a discarded one would take a pooled connection at the next
     * failover that nobody ever gives back.
     */
    private static void forgetFailover(RedisSentinelConnection sentinel) {
        try {
            Field failoverField = RedisSentinelConnection.class.getDeclaredField("failover");
            failoverField.setAccessible(true);
            Object failover = failoverField.get(sentinel);
            Method remove = failover.getClass().getDeclaredMethod("removeConnection", RedisSentinelConnection.class);
            remove.setAccessible(true);
            remove.invoke(failover, sentinel);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot take a discarded Sentinel connection out of the driver's failover "
                    + "(a vertx-redis-client version this library was not built for?)", e);
        }
    }

    /** The pooled connections a driver connection is made of. */
    static List<PooledRedisConnection> nodes(RedisConnection connection) {
        List<PooledRedisConnection> found = new ArrayList<>();
        collect(connection, found);
        if (found.isEmpty()) {
            throw new IllegalStateException("cannot close a " + connection.getClass().getName() + " for good: none of its fields "
                    + "holds a pooled connection (a vertx-redis-client version this library was not built for?)");
        }
        return found;
    }

    /** The {@code host:port} of the one node {@code connection} is open on; {@code null} if it spans several. */
    static String node(RedisConnection connection) {
        List<PooledRedisConnection> nodes = nodes(connection);
        return nodes.size() == 1 ? node(nodes.get(0)) : null;
    }

    /** The {@code host:port} {@code socket} is open on. */
    static String node(PooledRedisConnection socket) {
        SocketAddress address = socket.actual().uri().socketAddress();
        return NodeUri.hostPort(address.host(), address.port());
    }

    private static void collect(Object value, List<PooledRedisConnection> found) {
        if (value instanceof PooledRedisConnection pooled) {
            found.add(pooled);
        } else if (value instanceof AtomicReference<?> reference) {
            collect(reference.get(), found);
        } else if (value instanceof Map<?, ?> map) {
            collectAll(map, map.values(), found);
        } else if (value instanceof Collection<?> collection) {
            collectAll(collection, collection, found);
        } else if (value instanceof RedisConnection) {
            for (Field field : HOLDING.get(value.getClass())) {
                try {
                    collect(field.get(value), found);
                } catch (IllegalAccessException e) {
                    throw new IllegalStateException("cannot read " + field + " to close the connection for good", e);
                }
            }
        }
    }

    private static void collectAll(Object lock, Collection<?> values, List<PooledRedisConnection> found) {
        List<Object> copy;
        synchronized (lock) { // the cluster connection adds a node's connection to its map under this lock
            copy = new ArrayList<>(values);
        }
        for (Object each : copy) {
            collect(each, found);
        }
    }

    /**
     * Whether fields declared by {@code type} itself are read here. A native image lets only the fields its
     * configuration names be read: {@code META-INF/native-image/.../reflect-config.json} names those of every
     * driver class this is true of, and {@code SentinelFailover.removeConnection}.
     */
    static boolean readsFieldsOf(Class<?> type) {
        for (Field field : type.getDeclaredFields()) {
            if (!Modifier.isStatic(field.getModifiers()) && mayHold(field.getType())) {
                return true;
            }
        }
        return false;
    }

    private static boolean mayHold(Class<?> type) {
        return RedisConnection.class.isAssignableFrom(type) || Map.class.isAssignableFrom(type)
                || Collection.class.isAssignableFrom(type) || type == AtomicReference.class;
    }
}
