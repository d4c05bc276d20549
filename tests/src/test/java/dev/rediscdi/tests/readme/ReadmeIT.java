package dev.rediscdi.tests.readme;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.eclipse.microprofile.config.spi.ConfigProviderResolver;
import org.jboss.weld.environment.se.WeldContainer;
import org.jboss.weld.junit5.WeldInitiator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import dev.rediscdi.internal.config.ClientConfigReader;
import dev.rediscdi.internal.config.ConfigProblems;
import dev.rediscdi.testing.RedisServer;
import dev.rediscdi.testing.RedisServerExtension;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfigBuilder;

/**
 * The README's quickstart is this module's code: the sample class and properties run here. The key table is checked
 * against the code by the extension's {@code ReadmeConfigurationTableTest}.
 */
class ReadmeIT {
    private static final Path README = Path.of("..", "README.md");

    @RegisterExtension
    static final RedisServerExtension REDIS = new RedisServerExtension(RedisServer.builder());

    @Test
    void shouldShowThePageVisitsSampleVerbatim() throws IOException {
        String source = Files.readString(Path.of("src/test/java/dev/rediscdi/tests/readme/PageVisits.java"));
        String body = source.substring(source.indexOf("@ApplicationScoped")).strip();

        assertThat(Files.readString(README)).contains(body);
    }

    @Test
    void shouldRunTheQuickstartWithItsProperties() throws Exception {
        Properties quickstart = new Properties();
        quickstart.load(new StringReader(codeBlock("properties", "quickstart")));
        assertThat(quickstart.stringPropertyNames()).containsExactlyInAnyOrder("redis.hosts", "redis.cache.hosts");
        java.util.Map<String, String> properties = new java.util.HashMap<>();
        quickstart.forEach((key, value) -> properties.put((String) key,
                ((String) value).replace("redis://localhost:6379", REDIS.server().uri())));

        var config = new SmallRyeConfigBuilder().withSources(new PropertiesConfigSource(properties, "readme", 500)).build();
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        ConfigProviderResolver resolver = ConfigProviderResolver.instance();
        try {
            resolver.releaseConfig(resolver.getConfig(loader));
        } catch (RuntimeException none) {
            // nothing registered
        }
        resolver.registerConfig(config, loader);
        try {
            WeldContainer container = WeldInitiator.createWeld().addBeanClass(PageVisits.class).initialize();
            try {
                PageVisits visits = container.select(PageVisits.class).get();
                long first = visits.visit("home").toCompletableFuture().get(5, TimeUnit.SECONDS);
                assertThat(visits.visit("home").toCompletableFuture().get(5, TimeUnit.SECONDS)).isEqualTo(first + 1);
                visits.remember("greeting", "hello");
                assertThat(visits.recall("greeting")).isEqualTo("hello");
                assertThat(REDIS.server().command("GET", "greeting")).as("the cache client uses database 1").isNull();
            } finally {
                container.shutdown();
            }
        } finally {
            resolver.releaseConfig(config);
        }
    }

    @Test
    void shouldShowTheFaultToleranceDefaultsItDescribes() throws IOException {
        Properties sample = new Properties();
        sample.load(new StringReader(codeBlock("properties", "fault-tolerance")));
        ConfigProblems problems = new ConfigProblems();
        java.util.Map<String, String> properties = new java.util.HashMap<>();
        sample.forEach((key, value) -> properties.put((String) key, (String) value));
        var config = new SmallRyeConfigBuilder().withSources(new PropertiesConfigSource(properties, "readme", 500)).build();
        var defaults = new SmallRyeConfigBuilder().withSources(new PropertiesConfigSource(
                java.util.Map.of("redis.hosts", "redis://localhost:6379"), "defaults", 500)).build();

        var sampled = new ClientConfigReader(config, problems).read(null);
        assertThat(problems.list()).isEmpty();
        assertThat(sampled.faultTolerance()).isEqualTo(new ClientConfigReader(defaults, problems).read(null).faultTolerance());
        assertThat(sampled.timeout()).hasSeconds(2);
    }

    @Test
    void shouldShowTheAnnotatedMethodThatATestRuns() throws IOException {
        String source = Files.readString(Path.of("src/test/java/dev/rediscdi/tests/faults/MicroProfileAnnotationsIT.java"));
        String method = source.substring(source.indexOf("        @Asynchronous\n        @Retry"), source.indexOf("        /** Invocations"))
                .strip().lines().map(line -> line.startsWith("        ") ? line.substring(8) : line)
                .collect(java.util.stream.Collectors.joining("\n"));

        assertThat(codeBlock("java", "fault-tolerance-annotations").strip()).isEqualTo(method.replace("        calls.incrementAndGet();\n", "")
                .replace("    calls.incrementAndGet();\n", ""));
    }

    private static String codeBlock(String language, String marker) throws IOException {
        Matcher block = Pattern.compile("<!-- " + marker + " -->\\s*```" + language + "\\n(.*?)```", Pattern.DOTALL)
                .matcher(Files.readString(README));
        assertThat(block.find()).as("README has a ```%s block after <!-- %s -->", language, marker).isTrue();
        return block.group(1);
    }
}
