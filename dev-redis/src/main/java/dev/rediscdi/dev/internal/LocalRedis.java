package dev.rediscdi.dev.internal;

import java.io.UncheckedIOException;
import java.lang.System.Logger.Level;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.management.InstanceAlreadyExistsException;
import javax.management.InstanceNotFoundException;
import javax.management.JMException;
import javax.management.MBeanServer;
import javax.management.MalformedObjectNameException;
import javax.management.ObjectName;

import dev.rediscdi.dev.DevRedis;
import dev.rediscdi.testing.RedisServer;

/**
 * The one local redis-server of this JVM: started on first use, stopped by a shutdown hook. One per JVM, not per
 * configuration, so that an application whose configuration is built again (tests, live reload) keeps its data.
 *
 * <p>One per JVM even when this class is loaded more than once: Quarkus' dev mode loads the classes of the project's own
 * modules again at every live reload, and a static field belongs to one copy. So the server is recorded where every
 * copy looks, the platform MBean server, under {@value #RECORD_NAME}; the copy that started it keeps it, and its
 * shutdown hook stops it.
 */
public final class LocalRedis {

    static final String RECORD_NAME = "dev.rediscdi.dev:type=LocalRedis";
    private static final System.Logger LOG = System.getLogger(DevRedis.class.getName());
    /** How long the server waits at JVM exit for the application to close its connections. */
    private static final Duration CLIENTS_GONE = Duration.ofSeconds(3);
    private static final Pattern CONNECTED_CLIENTS = Pattern.compile("connected_clients:(\\d+)");
    private static final ObjectName RECORD = recordName();
    /** The server this copy of the class started; {@code null} in every other copy. */
    private static RedisServer server;

    private LocalRedis() {
    }

    /** The URI of the server, starting it if no copy of this class started one yet. */
    static synchronized String uri() {
        Optional<String> running = runningUri();
        if (running.isPresent()) {
            return running.get();
        }
        RedisServer started = start();
        try {
            jvm().registerMBean(new Record(started.uri(), started.pid()), RECORD);
        } catch (InstanceAlreadyExistsException anotherCopyWasFaster) { // a copy in another class loader, meanwhile
            started.close();
            return runningUri().orElseThrow(() -> new IllegalStateException(RECORD_NAME + " vanished while it was read"));
        } catch (JMException e) {
            started.close();
            throw new IllegalStateException("cannot record the dev Redis in the platform MBean server as " + RECORD_NAME, e);
        }
        server = started;
        Runtime.getRuntime().addShutdownHook(new Thread(LocalRedis::stop, "redis-dev-stop"));
        return started.uri();
    }

    public static Optional<String> runningUri() {
        return attribute("Uri", String.class);
    }

    public static Optional<Long> runningPid() {
        return attribute("Pid", Long.class);
    }

    private static <T> Optional<T> attribute(String name, Class<T> type) {
        try {
            return Optional.of(type.cast(jvm().getAttribute(RECORD, name)));
        } catch (InstanceNotFoundException none) {
            return Optional.empty();
        } catch (JMException e) {
            throw new IllegalStateException("cannot read " + name + " of " + RECORD_NAME + " in the platform MBean server", e);
        }
    }

    private static RedisServer start() {
        RedisServer started = RedisServer.builder().start();
        started.stoppedByOwnHookAtExit();
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
            try {
                jvm().unregisterMBean(RECORD);
            } catch (JMException e) {
                LOG.log(Level.DEBUG, "Dev Redis: cannot remove " + RECORD_NAME + " at exit", e);
            }
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

    private static MBeanServer jvm() {
        return ManagementFactory.getPlatformMBeanServer();
    }

    private static ObjectName recordName() {
        try {
            return new ObjectName(RECORD_NAME);
        } catch (MalformedObjectNameException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    /** The record every copy of this class reads. */
    private record Record(String uri, long pid) implements LocalRedisMXBean {

        @Override
        public String getUri() {
            return uri;
        }

        @Override
        public long getPid() {
            return pid;
        }
    }
}
