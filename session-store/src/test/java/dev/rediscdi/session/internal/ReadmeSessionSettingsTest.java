package dev.rediscdi.session.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.eclipse.microprofile.config.Config;
import org.junit.jupiter.api.Test;

import dev.rediscdi.internal.config.ClientConfigReader;
import dev.rediscdi.internal.config.ClientNames;
import dev.rediscdi.internal.config.ConfigProblems;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfigBuilder;

/**
 * The README's "HTTP sessions" section is this store: its key table is {@link SettingKey} (every key with the default
 * the store applies, no key the store does not read), and its properties sample passes the store's and the client's
 * start-up validation.
 */
class ReadmeSessionSettingsTest {
    private static final Path README = Path.of("..", "README.md");

    @Test
    void shouldDocumentEveryKeyWithTheDefaultOfTheCode() throws IOException {
        Map<String, String> defaults = documentedDefaults();

        for (SettingKey key : SettingKey.values()) {
            assertThat(defaults).as("README row of %s", key.key()).containsKey(key.key());
            String documented = defaults.get(key.key());
            if (key.defaultValue().isEmpty()) {
                assertThat(documented).as("default of %s: unset, so told in words, not as a value", key.key()).doesNotContain("`");
            } else {
                assertThat(documented).as("default of %s", key.key()).startsWith("`" + key.defaultValue() + "`");
            }
        }
    }

    @Test
    void shouldDocumentNoKeyTheStoreDoesNotRead() throws IOException {
        List<String> read = Arrays.stream(SettingKey.values()).map(SettingKey::key).toList();

        assertThat(documentedDefaults().keySet()).containsExactlyInAnyOrderElementsOf(read);
    }

    @Test
    void shouldAcceptThePropertiesSample() throws IOException {
        Properties sample = new Properties();
        sample.load(new StringReader(codeBlock("properties", "session-store")));
        Map<String, String> properties = new HashMap<>();
        sample.forEach((key, value) -> properties.put((String) key, (String) value));
        Config config = new SmallRyeConfigBuilder().withSources(new PropertiesConfigSource(properties, "readme", 500)).build();

        SessionSettings settings = new SessionSettingsReader(config).read();
        ConfigProblems problems = new ConfigProblems();
        assertThat(ClientNames.discover(config, problems).hasDefault()).isTrue();
        new ClientConfigReader(config, problems).read(null);

        assertThat(problems.list()).isEmpty();
        assertThat(settings.client()).as("the default client stores the sessions").isEmpty();
        assertThat(settings.serialization().allow()).containsExactly("com.example.shop.**", "org.jboss.weld.**");
    }

    /** The second cell of every row of a {@code redis-session.*} key, by key. */
    private static Map<String, String> documentedDefaults() throws IOException {
        Map<String, String> defaults = new LinkedHashMap<>();
        for (String line : Files.readAllLines(README)) {
            if (line.startsWith("| `" + SettingKey.PREFIX)) {
                String[] cells = line.split(" \\| ");
                defaults.put(cells[0].substring(3, cells[0].length() - 1), cells[1].strip());
            }
        }
        return defaults;
    }

    private static String codeBlock(String language, String marker) throws IOException {
        Matcher block = Pattern.compile("<!-- " + marker + " -->\\s*```" + language + "\\n(.*?)```", Pattern.DOTALL)
                .matcher(Files.readString(README));
        assertThat(block.find()).as("README has a ```%s block after <!-- %s -->", language, marker).isTrue();
        return block.group(1);
    }
}
