package dev.rediscdi.internal.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.lang.reflect.Constructor;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.core.net.impl.pool.Lease;
import io.vertx.redis.client.RedisConnection;
import io.vertx.redis.client.RedisReplicationConnectOptions;
import io.vertx.redis.client.impl.PooledRedisConnection;
import io.vertx.redis.client.impl.RedisClusterConnection;
import io.vertx.redis.client.impl.RedisConnectionInternal;
import io.vertx.redis.client.impl.RedisSentinelConnection;
import io.vertx.redis.client.impl.RedisStandaloneConnection;

/**
 * The driver's multi-node connections, built around node connections that record what is done to them: discarding
 * one closes every node's socket and gives none back to the pool. Fails if a driver upgrade moves the node
 * connections where {@link DriverConnections} does not look.
 */
class DriverConnectionsTest {
    private final List<String> events = new ArrayList<>();

    @Test
    void shouldCloseEveryNodeConnectionOfAClusterConnectionAndRecycleNone() throws Exception {
        Map<String, PooledRedisConnection> nodes = new LinkedHashMap<>();
        nodes.put("redis://127.0.0.1:7000", node("7000"));
        nodes.put("redis://127.0.0.1:7001", node("7001"));
        nodes.put("redis://127.0.0.1:7002", node("7002"));
        RedisConnection cluster = driverConnection(RedisClusterConnection.class, null, null, null, null, null, nodes);

        DriverConnections.discard(cluster);

        assertThat(events).containsExactlyInAnyOrder("7000 force-closed", "7001 force-closed", "7002 force-closed");
    }

    @Test
    void shouldCloseThePrimaryAndEveryReplicaOfAReplicationConnection() throws Exception {
        Class<?> type = Class.forName("io.vertx.redis.client.impl.RedisReplicationConnection");
        RedisConnection replication = driverConnection(type, null, new RedisReplicationConnectOptions(), node("primary"),
                List.of(node("replica-1"), node("replica-2")));

        DriverConnections.discard(replication);

        assertThat(events).containsExactlyInAnyOrder("primary force-closed", "replica-1 force-closed", "replica-2 force-closed");
    }

    @Test
    @SuppressWarnings("unchecked")
    void shouldCloseTheCurrentConnectionUnderASentinelConnection() throws Exception {
        Object failover = construct(Class.forName("io.vertx.redis.client.impl.SentinelFailover"), null, "mymaster", null);
        RedisConnection sentinel = driverConnection(RedisSentinelConnection.class, node("primary"), failover);

        java.lang.reflect.Field registered = failover.getClass().getDeclaredField("masterConnections");
        registered.setAccessible(true);
        assertThat((java.util.Set<Object>) registered.get(failover)).as("registered with the failover").containsExactly(sentinel);

        DriverConnections.discard(sentinel);

        assertThat(events).containsExactly("primary force-closed");
        assertThat((java.util.Set<Object>) registered.get(failover))
                .as("taken out of the failover, which would otherwise give it a new pooled connection at the next switch")
                .isEmpty();
    }

    @Test
    void shouldCloseAPlainPooledConnectionWithoutGivingItBack() {
        DriverConnections.discard(node("standalone"));

        assertThat(events).containsExactly("standalone force-closed");
    }

    @Test
    void shouldLeaveAConnectionItCannotTakeApartLeasedRatherThanRecycleIt() {
        RedisConnection unknown = (RedisConnection) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {RedisConnection.class},
                (proxy, method, args) -> {
                    events.add("unknown " + method.getName());
                    return null;
                });

        DriverConnections.discard(unknown);

        assertThat(events).as("nothing closed, nothing given back").isEmpty();
    }

    private PooledRedisConnection node(String name) {
        RedisConnectionInternal socket = (RedisConnectionInternal) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {RedisConnectionInternal.class}, (proxy, method, args) -> {
                    switch (method.getName()) {
                        case "forceClose" -> events.add(name + " force-closed");
                        case "reset" -> {
                            events.add(name + " reset for the pool");
                            return true;
                        }
                        case "hashCode" -> {
                            return System.identityHashCode(proxy);
                        }
                        case "equals" -> {
                            return proxy == args[0];
                        }
                        default -> events.add(name + " " + method.getName());
                    }
                    return null;
                });
        Lease<RedisConnectionInternal> lease = new Lease<>() {
            @Override
            public RedisConnectionInternal get() {
                return socket;
            }

            @Override
            public void recycle() {
                events.add(name + " recycled");
            }
        };
        return new PooledRedisConnection(lease, null, null);
    }

    /** A native image (Quarkus) reads a field, or calls a method, by reflection only where its configuration says so. */
    @Test
    void shouldRegisterEveryDriverMemberItReadsForANativeImage() throws Exception {
        Map<String, JsonObject> registered = new LinkedHashMap<>();
        try (InputStream in = DriverConnections.class.getResourceAsStream(
                "/META-INF/native-image/dev.rediscdi/redis-cdi-extension/reflect-config.json")) {
            assertThat(in).as("the native-image reflection configuration in the jar").isNotNull();
            new JsonArray(new String(in.readAllBytes(), StandardCharsets.UTF_8)).forEach(entry -> registered.put(
                    ((JsonObject) entry).getString("name"), (JsonObject) entry));
        }
        List<String> read = new ArrayList<>();
        for (Class<?> connection : List.of(RedisClusterConnection.class, Class.forName("io.vertx.redis.client.impl.RedisReplicationConnection"),
                RedisSentinelConnection.class)) {
            for (Class<?> type = connection; type != null && type != Object.class; type = type.getSuperclass()) {
                if (DriverConnections.readsFieldsOf(type)) {
                    read.add(type.getName());
                }
            }
        }
        assertThat(read).as("driver classes whose fields are read").hasSize(3);
        for (String type : read) {
            JsonObject entry = registered.get(type);
            assertThat(entry != null && Boolean.TRUE.equals(entry.getBoolean("allDeclaredFields"))).as(type + " registered with allDeclaredFields")
                    .isTrue();
        }
        JsonObject failover = registered.get("io.vertx.redis.client.impl.SentinelFailover");
        assertThat(failover != null ? failover.getJsonArray("methods").getList() : List.of()).as("SentinelFailover's methods registered")
                .containsExactly(Map.of("name", "removeConnection", "parameterTypes", List.of(RedisSentinelConnection.class.getName())));
        JsonObject standalone = registered.get(RedisStandaloneConnection.class.getName());
        assertThat(standalone != null ? standalone.getJsonArray("fields").getList() : List.of())
                .as("the field FlushConsolidation reads the socket from").containsExactly(Map.of("name", "netSocket"));
        assertThat(RedisStandaloneConnection.class.getDeclaredField("netSocket").getType()).isEqualTo(io.vertx.core.net.NetSocket.class);
    }

    private static RedisConnection driverConnection(Class<?> type, Object... arguments) throws Exception {
        return (RedisConnection) construct(type, arguments);
    }

    private static Object construct(Class<?> type, Object... arguments) throws Exception {
        for (Constructor<?> constructor : type.getDeclaredConstructors()) {
            if (constructor.getParameterCount() == arguments.length) {
                constructor.setAccessible(true);
                return constructor.newInstance(arguments);
            }
        }
        throw new AssertionError("no constructor of " + type + " takes " + arguments.length + " arguments");
    }

}
