package dev.rediscdi.dev.internal;

import java.io.UncheckedIOException;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.rediscdi.dev.DevRedis;
import dev.rediscdi.testing.RedisServer;

/**
 * The one local redis-server of this JVM: started on first use, stopped by a shutdown hook. One per JVM, not per
 * configuration, so that an application whose configuration is built again (tests, live reload) keeps its data.
 */
public final class LocalRedis {

    private static final System.Logger LOG = System.getLogger(DevRedis.class.getName());
    /** How long the server waits at JVM exit for the application to close its connections. */
    private static final Duration CLIENTS_GONE = Duration.ofSeconds(3);
    private static final Pattern CONNECTED_CLIENTS = Pattern.compile("connected_clients:(\\d+)");
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
        started.stoppedByOwnHookAtExit();
        Runtime.getRuntime().addShutdownHook(new Thread(LocalRedis::stop, "redis-dev-stop"));
        LOG.log(Level.WARNING, "Dev Redis: started {0}, listening on {1} (pid {2}), because {3}=true and no {4} is configured;"
                + " it is stopped with the application. Never set {3}=true in production.",
                started.binary(), started.uri(), String.valueOf(started.pid()), DevRedis.ENABLED, DevRedis.HOSTS);
        return started;
    }

    private static synchronized void stop() {
        if (server != null) {
            awaitClientsGone(server);
            server.close();
            server = null;
        }
    }

    /**
     * The JVM runs its shutdown hooks at once: the application's (Quarkus', Weld's) closes the Redis clients while this
     * one runs. Stopping redis-server first would cut their connections under them, and their subscriptions would
     * report the loss; so the server waits until no client but the one asking is connected, at most {@link #CLIENTS_GONE}.
     */
    private static void awaitClientsGone(RedisServer running) {
        long deadline = System.nanoTime() + CLIENTS_GONE.toNanos();
        try {
            while (System.nanoTime() < deadline && connectedClients(running) > 1) {
                Thread.sleep(20);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (UncheckedIOException unreachable) { // gone already: nothing to wait for
            LOG.log(Level.DEBUG, "Dev Redis: cannot count its clients before stopping it", unreachable);
        }
    }

    private static int connectedClients(RedisServer running) {
        Matcher count = CONNECTED_CLIENTS.matcher(running.command("INFO", "clients"));
        return count.find() ? Integer.parseInt(count.group(1)) : 0;
    }
}
