package dev.rediscdi.appservers.harness;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An Open Liberty server named {@code app} in a user directory of its own ({@code WLP_USER_DIR}) over the shared
 * installation: {@code server.xml} from the test resources, the HTTP port (free when the instance is created) in
 * {@code bootstrap.properties}, the WAR in {@code apps/} (declared in {@code server.xml}). Started with {@code bin/server run}, which
 * {@code exec}s the server JVM: the pid the harness holds is the server's.
 */
final class LibertyInstance implements ServerInstance {

    private static final String SERVER = "app";
    /**
     * A Liberty error message, e.g. {@code [ERROR   ] CWWKZ0002E: An exception occurred while starting ...}, with
     * the lines that continue it (an exception message spanning several lines) up to the next message.
     */
    private static final Pattern ERROR = Pattern.compile("^\\[ERROR\\s*\\] ([A-Z]{4,5}\\d{4}E:.*(?:\n[^\\[\n].*)*)",
            Pattern.MULTILINE);

    private final Path home;
    private final Path userDirectory;
    private final Path serverDirectory;
    private final String name;
    private final LogFile console;
    private final LogFile messages;
    private int httpPort;

    LibertyInstance(Path home, Path userDirectory, AppDeployment deployment, String instanceName) {
        this.home = home;
        this.userDirectory = InstanceDirectory.fresh(userDirectory);
        this.serverDirectory = userDirectory.resolve("servers").resolve(SERVER);
        this.name = "Open Liberty " + version(home) + " (" + instanceName + ")";
        this.console = new LogFile(userDirectory.resolve("console.log"));
        this.messages = new LogFile(serverDirectory.resolve("logs/messages.log"));
        InstanceDirectory.write(serverDirectory.resolve("server.xml"), serverXml());
        InstanceDirectory.write(serverDirectory.resolve("jvm.options"), "-Xmx512m\n");
        InstanceDirectory.copyInto(deployment.war(), serverDirectory.resolve("apps"));
        choosePorts();
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public int httpPort() {
        return httpPort;
    }

    /** On the HTTP port, as the {@code mpHealth} feature serves it. */
    @Override
    public URI readinessUri() {
        return URI.create("http://127.0.0.1:" + httpPort + "/health/ready");
    }

    @Override
    public void choosePorts() {
        httpPort = LocalPorts.free();
        InstanceDirectory.write(serverDirectory.resolve("bootstrap.properties"), "http.port=" + httpPort + "\n");
    }

    @Override
    public void prepareStart() {
        // nothing: Liberty starts each run with a new messages.log and deploys apps/ again
    }

    @Override
    public ServerCommand command() {
        return new ServerCommand(List.of("/bin/sh", home.resolve("bin/server").toString(), "run", SERVER),
                userDirectory,
                Map.of("WLP_USER_DIR", userDirectory.toString(), "JAVA_HOME", System.getProperty("java.home")));
    }

    @Override
    public LogFile console() {
        return console;
    }

    @Override
    public List<LogFile> logs() {
        return List.of(messages);
    }

    @Override
    public String deploymentFailure(String consoleSinceStart) {
        Matcher error = ERROR.matcher(consoleSinceStart);
        return error.find() ? error.group(1).strip() : null;
    }

    private static String serverXml() {
        try (InputStream in = LibertyInstance.class.getResourceAsStream("/liberty/server.xml")) {
            if (in == null) {
                throw new IllegalStateException("liberty/server.xml is missing from the test resources");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String version(Path home) {
        Properties properties = new Properties();
        try (Reader in = Files.newBufferedReader(home.resolve("lib/versions/openliberty.properties"))) {
            properties.load(in);
        } catch (IOException e) {
            return "(unknown version)";
        }
        return properties.getProperty("com.ibm.websphere.productVersion", "(unknown version)");
    }
}
