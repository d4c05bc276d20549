package dev.rediscdi.appservers.harness;

import java.nio.file.Path;
import java.util.Map;

/**
 * The application to deploy: its WAR (whose file name is the context root), a path under the context root that
 * answers 200 once the application is up, and the environment variables the server gets for it.
 */
public record AppDeployment(Path war, String readinessPath, Map<String, String> environment) {

    public AppDeployment {
        environment = Map.copyOf(environment);
    }

    /** The WAR built by this module. */
    public static AppDeployment of(String readinessPath, Map<String, String> environment) {
        return new AppDeployment(builtWar(), readinessPath, environment);
    }

    /** The WAR built by this module ({@code target/redis-cdi-app.war}). */
    public static Path builtWar() {
        return Distributions.war();
    }

    /** The WAR's name without {@code .war}: the context root on both servers. */
    String contextRoot() {
        String file = war.getFileName().toString();
        return file.endsWith(".war") ? file.substring(0, file.length() - 4) : file;
    }
}
