package dev.rediscdi.appservers.harness;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where the build put what the tests need: the unpacked servers, the application's WAR, a work directory.
 * Maven's failsafe configuration sets these system properties (see this module's {@code pom.xml}).
 */
final class Distributions {

    private Distributions() {
    }

    static Path wildFlyHome() {
        return existing("wildfly.home", "jboss-modules.jar");
    }

    static Path libertyHome() {
        return existing("liberty.home", "bin/tools/ws-server.jar");
    }

    static Path war() {
        return existing("app.war", "");
    }

    static Path workDirectory() {
        return Path.of(required("app.server.work"));
    }

    private static Path existing(String property, String expectedInside) {
        Path path = Path.of(required(property));
        Path expected = expectedInside.isEmpty() ? path : path.resolve(expectedInside);
        if (!Files.exists(expected)) {
            throw new IllegalStateException("system property " + property + "=" + path + ": " + expected
                    + " does not exist. Fix: run the tests through Maven, which downloads and unpacks the servers and "
                    + "packages the WAR first: mvn -B verify -pl app-server-tests -am");
        }
        return path;
    }

    private static String required(String property) {
        String value = System.getProperty(property);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException("system property " + property + " is not set. Fix: run the tests through "
                    + "Maven (mvn -B verify -pl app-server-tests -am), whose failsafe configuration sets it");
        }
        return value;
    }
}
