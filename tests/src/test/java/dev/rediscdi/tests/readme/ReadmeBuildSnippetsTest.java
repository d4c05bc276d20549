package dev.rediscdi.tests.readme;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * The README's build snippets name what this build makes: every {@code <dependency>} it shows is a module of this
 * project at its version, and the Open Liberty setting it shows is the one of the server the app-server tests run.
 */
class ReadmeBuildSnippetsTest {
    private static final Path ROOT = Path.of("..");
    private static final Pattern DEPENDENCY = Pattern.compile(
            "<dependency>\\s*<groupId>([^<]+)</groupId>\\s*<artifactId>([^<]+)</artifactId>\\s*<version>([^<]+)</version>\\s*</dependency>");
    private static final Pattern OWN_COORDINATES = Pattern.compile("</parent>\\s*<artifactId>([^<]+)</artifactId>");

    @Test
    void shouldShowDependenciesOnModulesOfThisBuild() throws IOException {
        String readme = Files.readString(ROOT.resolve("README.md"));
        String version = parentVersion();
        List<String> modules = moduleArtifactIds();

        Matcher dependency = DEPENDENCY.matcher(readme);
        List<String> shown = new ArrayList<>();
        while (dependency.find()) {
            shown.add(dependency.group(2));
            assertThat(dependency.group(1)).as("groupId of %s", dependency.group(2)).isEqualTo("dev.rediscdi");
            assertThat(dependency.group(3)).as("version of %s", dependency.group(2)).isEqualTo(version);
        }
        assertThat(shown).as("the extension, the session store and the dev Redis")
                .containsExactlyInAnyOrder("redis-cdi-extension", "redis-cdi-session-store", "redis-cdi-dev-redis");
        assertThat(modules).containsAll(shown);
    }

    @Test
    void shouldShowTheLibertyClassLoaderSettingTheTestedServerUses() throws IOException {
        String readme = Files.readString(ROOT.resolve("README.md"));
        Matcher setting = Pattern.compile("<classloader [^>]*/>").matcher(readme);
        assertThat(setting.find()).as("README shows a <classloader .../> element").isTrue();

        assertThat(Files.readString(ROOT.resolve("app-server-tests/src/test/resources/liberty/server.xml"))).contains(setting.group());
    }

    private static String parentVersion() throws IOException {
        Matcher version = Pattern.compile("<artifactId>redis-cdi-parent</artifactId>\\s*<version>([^<]+)</version>")
                .matcher(Files.readString(ROOT.resolve("pom.xml")));
        assertThat(version.find()).as("the parent pom's version").isTrue();
        return version.group(1);
    }

    private static List<String> moduleArtifactIds() throws IOException {
        List<String> artifactIds = new ArrayList<>();
        try (Stream<Path> directories = Files.list(ROOT)) {
            for (Path pom : directories.map(directory -> directory.resolve("pom.xml")).filter(Files::isRegularFile).toList()) {
                Matcher own = OWN_COORDINATES.matcher(Files.readString(pom));
                if (own.find()) {
                    artifactIds.add(own.group(1));
                }
            }
        }
        return artifactIds;
    }
}
