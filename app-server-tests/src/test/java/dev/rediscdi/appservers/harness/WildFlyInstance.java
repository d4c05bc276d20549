package dev.rediscdi.appservers.harness;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A WildFly standalone server with {@code standalone-microprofile.xml}: its own base directory (a copy of
 * {@code standalone/configuration}, the WAR in {@code deployments/}) over the shared installation, every socket
 * binding moved by a port offset that is free when the instance is created.
 */
final class WildFlyInstance implements ServerInstance {

    /** The socket bindings of standalone-microprofile.xml: ajp, http, https, management http/https, transactions. */
    private static final int[] BASE_PORTS = {8009, 8080, 8443, 9990, 9993, 4712, 4713};
    private static final int HTTP_PORT = 8080;
    private static final int MANAGEMENT_HTTP_PORT = 9990;
    private static final String STARTED_WITH_ERRORS = "WFLYSRV0026";

    /**
     * The JVM options of {@code bin/standalone.conf} and {@code bin/common.sh} for a modular JDK. The harness runs
     * the JVM itself, not the script (which keeps the JVM as its child), so that the pid it stops is the server's.
     */
    private static final List<String> JVM_OPTIONS = List.of(
            "-Xms64m", "-Xmx512m", "-Djava.net.preferIPv4Stack=true",
            "-Djboss.modules.system.pkgs=org.jboss.byteman", "-Djava.awt.headless=true",
            "--add-exports=java.desktop/sun.awt=ALL-UNNAMED",
            "--add-exports=java.naming/com.sun.jndi.ldap=ALL-UNNAMED",
            "--add-exports=java.naming/com.sun.jndi.url.ldap=ALL-UNNAMED",
            "--add-exports=java.naming/com.sun.jndi.url.ldaps=ALL-UNNAMED",
            "--add-exports=jdk.naming.dns/com.sun.jndi.dns=ALL-UNNAMED",
            "--add-opens=java.base/java.lang=ALL-UNNAMED",
            "--add-opens=java.base/java.lang.invoke=ALL-UNNAMED",
            "--add-opens=java.base/java.lang.reflect=ALL-UNNAMED",
            "--add-opens=java.base/java.io=ALL-UNNAMED",
            "--add-opens=java.base/java.net=ALL-UNNAMED",
            "--add-opens=java.base/java.security=ALL-UNNAMED",
            "--add-opens=java.base/java.util=ALL-UNNAMED",
            "--add-opens=java.base/java.util.concurrent=ALL-UNNAMED",
            "--add-opens=java.management/javax.management=ALL-UNNAMED",
            "--add-opens=java.naming/javax.naming=ALL-UNNAMED");

    private final Path home;
    private final Path base;
    private final String warName;
    private final String name;
    private final LogFile console;
    private final LogFile serverLog;
    private int portOffset;

    WildFlyInstance(Path home, Path base, AppDeployment deployment, String instanceName) {
        this.home = home;
        this.base = InstanceDirectory.fresh(base);
        this.warName = deployment.war().getFileName().toString();
        this.name = "WildFly " + version(home) + " (" + instanceName + ")";
        this.console = new LogFile(base.resolve("console.log"));
        this.serverLog = new LogFile(base.resolve("log/server.log"));
        InstanceDirectory.copyTree(home.resolve("standalone/configuration"), base.resolve("configuration"));
        InstanceDirectory.copyInto(deployment.war(), base.resolve("deployments"));
        choosePorts();
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public int httpPort() {
        return HTTP_PORT + portOffset;
    }

    /** On the management interface, as WildFly serves MicroProfile Health. */
    @Override
    public URI readinessUri() {
        return URI.create("http://127.0.0.1:" + (MANAGEMENT_HTTP_PORT + portOffset) + "/health/ready");
    }

    @Override
    public void choosePorts() {
        portOffset = LocalPorts.freeOffset(BASE_PORTS);
    }

    @Override
    public void prepareStart() {
        // a .failed marker left by a previous run would keep the deployment scanner from deploying the WAR
        try {
            Files.deleteIfExists(base.resolve("deployments").resolve(warName + ".failed"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public ServerCommand command() {
        List<String> arguments = new ArrayList<>();
        arguments.add(ServerCommand.java().toString());
        arguments.add("-D[Standalone]");
        arguments.addAll(JVM_OPTIONS);
        arguments.add("-Dorg.jboss.boot.log.file=" + serverLog.path());
        arguments.add("-Dlogging.configuration=file:" + base.resolve("configuration/logging.properties"));
        arguments.addAll(List.of("-jar", home.resolve("jboss-modules.jar").toString(),
                "-mp", home.resolve("modules").toString(), "org.jboss.as.standalone",
                "-Djboss.home.dir=" + home, "-Djboss.server.base.dir=" + base,
                "-c", "standalone-microprofile.xml",
                "-b", "127.0.0.1", "-bmanagement", "127.0.0.1",
                "-Djboss.socket.binding.port-offset=" + portOffset));
        return new ServerCommand(arguments, base, Map.of("JBOSS_HOME", home.toString()));
    }

    @Override
    public LogFile console() {
        return console;
    }

    @Override
    public List<LogFile> logs() {
        return List.of(serverLog);
    }

    @Override
    public String deploymentFailure(String consoleSinceStart) {
        Path failed = base.resolve("deployments").resolve(warName + ".failed");
        if (Files.exists(failed)) {
            try {
                return warName + ".failed: " + Files.readString(failed);
            } catch (IOException e) {
                return warName + ".failed (unreadable: " + e + ")";
            }
        }
        for (String line : consoleSinceStart.split("\n")) {
            if (line.contains(STARTED_WITH_ERRORS)) {
                return line.strip();
            }
        }
        return null;
    }

    private static String version(Path home) {
        String directory = home.getFileName().toString();
        return directory.startsWith("wildfly-") ? directory.substring("wildfly-".length()) : directory;
    }
}
