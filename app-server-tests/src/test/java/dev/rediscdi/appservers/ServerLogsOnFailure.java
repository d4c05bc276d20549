package dev.rediscdi.appservers;

import java.util.List;
import java.util.function.Supplier;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestWatcher;

import dev.rediscdi.appservers.harness.AppServer;
import dev.rediscdi.testing.RedisServer;

/** Prints the log tails of the servers a test used when it fails: what the server said is the first clue. */
final class ServerLogsOnFailure implements TestWatcher {

    private final Supplier<List<AppServer>> servers;
    private final Supplier<RedisServer> redis;

    ServerLogsOnFailure(Supplier<List<AppServer>> servers, Supplier<RedisServer> redis) {
        this.servers = servers;
        this.redis = redis;
    }

    @Override
    public void testFailed(ExtensionContext context, Throwable cause) {
        StringBuilder report = new StringBuilder("=== " + context.getDisplayName() + " failed; server logs ===\n");
        for (AppServer server : servers.get()) {
            report.append("### ").append(server).append('\n').append(server.logTail());
        }
        RedisServer current = redis.get();
        if (current != null) {
            report.append("### ").append(current).append('\n').append(current.logTail());
        }
        System.err.println(report);
    }
}
