package dev.rediscdi.dev.internal;

import java.lang.System.Logger.Level;
import java.util.Optional;

import dev.rediscdi.dev.DevRedis;
import dev.rediscdi.testing.RedisServer;

/**
 * The one local redis-server of this JVM: started on first use, stopped by a shutdown hook. One per JVM, not per
 * configuration, so that an application whose configuration is built again (tests, live reload) keeps its data.
 */
public final class LocalRedis {

    private static final System.Logger LOG = System.getLogger(DevRedis.class.getName());
    private static RedisServer server;

    private LocalRedis() {
    }

    /** The URI of the server, starting it if this is the first call. */
    static synchronized String uri() {
        if (server == null) {
            server = start();
        }
        return server.uri();
    }

    public static synchronized Optional<String> runningUri() {
        return server == null ? Optional.empty() : Optional.of(server.uri());
    }

    public static synchronized Optional<Long> runningPid() {
        return server == null ? Optional.empty() : Optional.of(server.pid());
    }

    private static RedisServer start() {
        RedisServer started = RedisServer.builder().start();
        Runtime.getRuntime().addShutdownHook(new Thread(LocalRedis::stop, "redis-dev-stop"));
        LOG.log(Level.WARNING, "Dev Redis: started {0}, listening on {1} (pid {2}), because {3}=true and no {4} is configured;"
                + " it is stopped with the application. Never set {3}=true in production.",
                started.binary(), started.uri(), String.valueOf(started.pid()), DevRedis.ENABLED, DevRedis.HOSTS);
        return started;
    }

    private static synchronized void stop() {
        if (server != null) {
            server.close();
            server = null;
        }
    }
}
