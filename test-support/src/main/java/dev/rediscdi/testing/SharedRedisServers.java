package dev.rediscdi.testing;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Servers shared by the test classes of one JVM, by name: started on first use, restarted if found stopped,
 * killed by the harness' shutdown hook when the JVM exits. Tests must not {@code close()} them.
 */
public final class SharedRedisServers {

    private static final Map<String, RedisServer> SERVERS = new ConcurrentHashMap<>();

    private SharedRedisServers() {
    }

    /** The server named {@code name}, started from {@code builder} the first time. */
    public static RedisServer get(String name, Supplier<RedisServer.Builder> builder) {
        RedisServer server = SERVERS.computeIfAbsent(name, ignored -> builder.get().start());
        synchronized (server) {
            if (!server.isRunning()) {
                server.restart();
            }
        }
        return server;
    }
}
