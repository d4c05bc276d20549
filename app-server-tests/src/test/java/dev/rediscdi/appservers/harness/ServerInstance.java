package dev.rediscdi.appservers.harness;

import java.net.URI;
import java.util.List;

/**
 * What differs between server products, for one instance of one: its files (laid out when it is created, the
 * WAR deployed), its ports, its start command and how it reports a failed deployment.
 */
interface ServerInstance {

    /** Product, version and instance name, for messages. */
    String name();

    /** The port of its HTTP listener on 127.0.0.1. */
    int httpPort();

    /** Where the server reports MicroProfile Health readiness ({@code .../health/ready}). */
    URI readinessUri();

    /** Chooses other free ports, after a start found one of them taken. */
    void choosePorts();

    /** Called before every start, e.g. to clear the markers of a previous run. */
    void prepareStart();

    /** The command that runs the server in the foreground (the JVM whose pid the harness stops). */
    ServerCommand command();

    /** Where the harness appends the server's stdout and stderr. */
    LogFile console();

    /** The server's own log files, shown when something fails. */
    List<LogFile> logs();

    /**
     * Why the deployment failed, as the server reports it in the console output written since the start,
     * or null if it reports no failure (yet).
     */
    String deploymentFailure(String consoleSinceStart);
}
