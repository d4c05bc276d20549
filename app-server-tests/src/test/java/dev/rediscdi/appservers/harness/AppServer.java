package dev.rediscdi.appservers.harness;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;

/**
 * A real application server with the test WAR deployed, started on 127.0.0.1 as a child JVM (heap 512 MiB) and
 * stopped by its pid; a JVM shutdown hook kills any left running. {@link #start()} returns once the application
 * answers, or fails with the reason and the server's log tail: when the server exits, when it reports the
 * deployment failed, or after {@value #READY_TIMEOUT_SECONDS} s.
 */
public final class AppServer implements AutoCloseable {

    private static final long READY_TIMEOUT_SECONDS = 180;
    private static final Duration POLL = Duration.ofMillis(200);
    private static final int PORT_ATTEMPTS = 3;
    private static final String PORT_BUSY = "Address already in use";
    private static final HttpClient PROBE = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final ServerInstance instance;
    private final AppDeployment deployment;
    private ServerProcess process;
    private boolean startedOnce;
    private Duration lastStart;

    private AppServer(ServerInstance instance, AppDeployment deployment) {
        this.instance = instance;
        this.deployment = deployment;
    }

    /** A WildFly instance ({@code standalone-microprofile.xml}) in the work directory {@code wildfly-NAME}; not started. */
    public static AppServer wildFly(String instanceName, AppDeployment deployment) {
        return new AppServer(new WildFlyInstance(Distributions.wildFlyHome(),
                Distributions.workDirectory().resolve("wildfly-" + instanceName), deployment, instanceName), deployment);
    }

    /** An Open Liberty instance in the work directory {@code liberty-NAME}; not started. */
    public static AppServer openLiberty(String instanceName, AppDeployment deployment) {
        return new AppServer(new LibertyInstance(Distributions.libertyHome(),
                Distributions.workDirectory().resolve("liberty-" + instanceName), deployment, instanceName), deployment);
    }

    /** Starts the server and returns once the application answers; a no-op while it runs. */
    public synchronized void start() {
        if (process != null && process.isAlive()) {
            return;
        }
        for (int attempt = 1; ; attempt++) {
            long begin = System.nanoTime();
            long mark = instance.console().mark();
            instance.prepareStart();
            process = ServerProcess.start(processBuilder(), instance.console());
            String failure = awaitApplication(mark);
            if (failure == null) {
                startedOnce = true;
                lastStart = Duration.ofNanos(System.nanoTime() - begin);
                System.out.printf("%s: application up in %.1f s (pid %d, http://127.0.0.1:%d)%n", instance.name(),
                        lastStart.toMillis() / 1000.0, process.pid(), instance.httpPort());
                return;
            }
            process.kill();
            boolean portTaken = instance.console().since(mark).contains(PORT_BUSY);
            if (!portTaken || startedOnce || attempt == PORT_ATTEMPTS) {
                throw new IllegalStateException(instance.name() + " did not start the application: " + failure
                        + "\n" + logTail());
            }
            instance.choosePorts(); // another process took a port between the check and the start: try others
        }
    }

    /** Stops the server by its pid (SIGTERM: a clean shutdown; SIGKILL after 60 s); returns once it has exited. */
    public synchronized void stop() {
        if (process != null) {
            process.stop();
        }
    }

    /** {@link #stop()}, then {@link #start()} with the same files and ports. */
    public synchronized void restart() {
        stop();
        start();
    }

    /** The server's HTTP root, e.g. {@code http://127.0.0.1:18080/}. */
    public URI serverUri() {
        return URI.create("http://127.0.0.1:" + instance.httpPort() + "/");
    }

    /** Where the server reports MicroProfile Health readiness: its management interface (WildFly) or HTTP port (Liberty). */
    public URI readinessUri() {
        return instance.readinessUri();
    }

    /** The application's root, e.g. {@code http://127.0.0.1:18080/redis-cdi-app/}. */
    public URI appUri() {
        return serverUri().resolve(deployment.contextRoot() + "/");
    }

    /** The pid of the server JVM (of the last start). */
    public long pid() {
        return Objects.requireNonNull(process, "not started").pid();
    }

    /** How long the last {@link #start()} took, from launching the JVM to the application's first answer. */
    public Duration lastStartDuration() {
        return Objects.requireNonNull(lastStart, "not started");
    }

    /** The last lines of the captured console and of the server's own log. */
    public String logTail() {
        StringBuilder tail = new StringBuilder(instance.console().tail(120));
        instance.logs().forEach(log -> tail.append(log.tail(60)));
        return tail.toString();
    }

    @Override
    public void close() {
        stop();
    }

    @Override
    public String toString() {
        return instance.name() + (process == null ? "" : ", pid " + process.pid()) + ", " + appUri();
    }

    private ProcessBuilder processBuilder() {
        ServerCommand command = instance.command();
        ProcessBuilder builder = new ProcessBuilder(command.arguments()).directory(command.workingDirectory().toFile());
        Map<String, String> environment = builder.environment();
        // only what a server needs: variables of the build (REDIS_*, JAVA_OPTS...) must not leak into its configuration
        environment.keySet().retainAll(java.util.Set.of("PATH", "HOME", "LANG", "TMPDIR", "USER"));
        environment.putAll(command.environment());
        environment.putAll(deployment.environment());
        return builder;
    }

    /** Null once the application answers; otherwise why it will not. */
    private String awaitApplication(long consoleMark) {
        URI readiness = appUri().resolve(deployment.readinessPath());
        long deadline = System.nanoTime() + Duration.ofSeconds(READY_TIMEOUT_SECONDS).toNanos();
        String lastProbe = "no answer yet";
        while (true) {
            String reported = instance.deploymentFailure(instance.console().since(consoleMark));
            if (reported != null) {
                return reported;
            }
            if (!process.isAlive()) {
                return "the server exited with code " + process.exitCode();
            }
            try {
                HttpResponse<String> response = PROBE.send(HttpRequest.newBuilder(readiness)
                        .timeout(Duration.ofSeconds(5)).GET().build(), HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 200) {
                    return null;
                }
                lastProbe = "GET " + readiness + " answered " + response.statusCode();
            } catch (IOException e) {
                lastProbe = "GET " + readiness + ": " + e;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return "interrupted";
            }
            if (System.nanoTime() > deadline) {
                return "no answer within " + READY_TIMEOUT_SECONDS + " s (last probe: " + lastProbe + ")";
            }
            sleep(POLL);
        }
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
