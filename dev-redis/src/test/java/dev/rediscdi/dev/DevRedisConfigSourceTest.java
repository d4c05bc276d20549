package dev.rediscdi.dev;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;

import org.eclipse.microprofile.config.spi.ConfigSource;
import org.junit.jupiter.api.Test;

import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;

/** The module as an application sees it: a configuration built with the discovered sources, as Quarkus builds it. */
class DevRedisConfigSourceTest {

    @Test
    void shouldAddNothingWhenNotEnabled() {
        SmallRyeConfig config = configWith(Map.of(), null);

        assertThat(config.getOptionalValue(DevRedis.HOSTS, String.class)).isEmpty();
        assertThat(hasDevSource(config)).isFalse();
    }

    @Test
    void shouldBeTheOnlyKeyOfTheModuleInTheReadmeWithItsDefault() throws IOException {
        List<String> rows = Files.readAllLines(Path.of("..", "README.md")).stream().filter(line -> line.startsWith("| `redis-dev.")).toList();

        assertThat(rows).singleElement().asString().startsWith("| `" + DevRedis.ENABLED + "` | `false` |");
    }

    @Test
    void shouldAddNothingWhenRedisHostsIsConfigured() {
        SmallRyeConfig config = configWith(Map.of(DevRedis.ENABLED, "true", DevRedis.HOSTS, "redis://redis.example:6380"), null);

        assertThat(config.getValue(DevRedis.HOSTS, String.class)).isEqualTo("redis://redis.example:6380");
        assertThat(hasDevSource(config)).isFalse();
    }

    @Test
    void shouldAddNothingInAProfileThatDoesNotEnableIt() {
        SmallRyeConfig config = configWith(Map.of("%dev." + DevRedis.ENABLED, "true"), "prod");

        assertThat(config.getOptionalValue(DevRedis.HOSTS, String.class)).isEmpty();
        assertThat(hasDevSource(config)).isFalse();
    }

    @Test
    void shouldStartALocalRedisInTheProfileThatEnablesIt() throws IOException {
        SmallRyeConfig config = configWith(Map.of("%dev." + DevRedis.ENABLED, "true"), "dev");

        String hosts = config.getValue(DevRedis.HOSTS, String.class);

        URI uri = URI.create(hosts);
        assertThat(uri.getScheme()).isEqualTo("redis");
        assertThat(uri.getHost()).isEqualTo("127.0.0.1");
        assertThat(uri.getPort()).isPositive().isNotEqualTo(6379);
        assertThat(ping(uri.getPort())).isEqualTo("+PONG");
        assertThat(DevRedis.uri()).contains(hosts);
        assertThat(ProcessHandle.of(DevRedis.pid().orElseThrow()).map(ProcessHandle::isAlive)).contains(true);
    }

    @Test
    void shouldServeOneServerPerJvmWhateverTheNumberOfConfigurations() {
        String first = configWith(Map.of(DevRedis.ENABLED, "true"), null).getValue(DevRedis.HOSTS, String.class);
        String second = configWith(Map.of(DevRedis.ENABLED, "TRUE"), null).getValue(DevRedis.HOSTS, String.class);

        assertThat(second).isEqualTo(first);
    }

    @Test
    void shouldLetNamedClientsPointAtTheLocalRedis() {
        SmallRyeConfig config = configWith(Map.of(DevRedis.ENABLED, "true", "redis.cache.hosts", "${redis.hosts}/1"), null);

        assertThat(config.getValue("redis.cache.hosts", String.class)).isEqualTo(config.getValue(DevRedis.HOSTS, String.class) + "/1");
    }

    @Test
    void shouldRejectAFlagThatIsNotABooleanNamingKeyValueAndFix() {
        assertThatThrownBy(() -> configWith(Map.of(DevRedis.ENABLED, "yes"), null))
                .hasStackTraceContaining("redis-dev.enabled=\"yes\"")
                .hasStackTraceContaining("is not a boolean")
                .hasStackTraceContaining("Fix: set redis-dev.enabled=true");
    }

    private static SmallRyeConfig configWith(Map<String, String> properties, String profile) {
        SmallRyeConfigBuilder builder = new SmallRyeConfigBuilder()
                .addDefaultInterceptors()
                .addDiscoveredSources()
                .withSources(new PropertiesConfigSource(properties, "test.properties", 250));
        if (profile != null) {
            builder.withProfile(profile);
        }
        return builder.build();
    }

    private static boolean hasDevSource(SmallRyeConfig config) {
        return StreamSupport.stream(config.getConfigSources().spliterator(), false)
                .map(ConfigSource::getName).anyMatch(name -> name.startsWith("DevRedisConfigSource"));
    }

    private static String ping(int port) throws IOException {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 2_000);
            socket.setSoTimeout(2_000);
            socket.getOutputStream().write("PING\r\n".getBytes(StandardCharsets.US_ASCII));
            InputStream in = socket.getInputStream();
            StringBuilder line = new StringBuilder();
            for (int c = in.read(); c != -1 && c != '\r' && line.length() < 100; c = in.read()) {
                line.append((char) c);
            }
            return line.toString();
        }
    }
}
