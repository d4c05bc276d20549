package dev.rediscdi.appservers;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

import org.junit.jupiter.api.Test;

import dev.rediscdi.appservers.harness.AppDeployment;

/** The WAR the servers get is packaged the way the README tells users: the library and its driver, nothing the server provides. */
class WarContentIT {

    @Test
    void shouldShipTheLibraryAndItsDriverButNoApiTheServerProvides() throws IOException {
        List<String> entries = entries();
        List<String> libraries = entries.stream().filter(name -> name.startsWith("WEB-INF/lib/"))
                .map(name -> name.substring("WEB-INF/lib/".length())).filter(name -> !name.isEmpty()).toList();

        assertThat(libraries).anyMatch(jar -> jar.startsWith("redis-cdi-extension-"))
                .anyMatch(jar -> jar.startsWith("redis-cdi-session-store-"))
                .anyMatch(jar -> jar.startsWith("vertx-core-"))
                .anyMatch(jar -> jar.startsWith("vertx-redis-client-"))
                .anyMatch(jar -> jar.startsWith("netty-transport-"));
        assertThat(libraries).as("the library's fault tolerance is its own: a server may have none, and none of it travels")
                .anyMatch(jar -> jar.startsWith("microprofile-fault-tolerance-api-"))
                .noneMatch(jar -> jar.startsWith("smallrye-fault-tolerance"));
        assertThat(libraries).as("APIs and implementations the server provides")
                .noneMatch(jar -> jar.startsWith("jakarta."))
                .noneMatch(jar -> jar.startsWith("microprofile-config"))
                .noneMatch(jar -> jar.startsWith("microprofile-health"))
                .noneMatch(jar -> jar.startsWith("weld-"))
                .noneMatch(jar -> jar.startsWith("yasson-"))
                .noneMatch(jar -> jar.startsWith("smallrye-config"))
                .noneMatch(jar -> jar.startsWith("smallrye-fault-tolerance-6"));
        assertThat(entries).as("no descriptor of any server, no beans.xml of the application's own")
                .doesNotContain("WEB-INF/web.xml", "WEB-INF/beans.xml", "META-INF/beans.xml",
                        "WEB-INF/jboss-deployment-structure.xml", "WEB-INF/jboss-web.xml",
                        "WEB-INF/ibm-web-ext.xml", "WEB-INF/ibm-web-bnd.xml")
                .contains("WEB-INF/classes/META-INF/microprofile-config.properties");
    }

    private static List<String> entries() throws IOException {
        try (ZipFile war = new ZipFile(AppDeployment.builtWar().toFile())) {
            return war.stream().map(ZipEntry::getName).toList();
        }
    }
}
