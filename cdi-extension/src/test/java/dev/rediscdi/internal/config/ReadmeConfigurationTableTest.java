package dev.rediscdi.internal.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/**
 * The key table of the README's "Configuration" section is {@link ConfigKey}: every key the client reads has its
 * row with the default and meaning the code has, and the table documents no key the client does not read.
 */
class ReadmeConfigurationTableTest {
    private static final Path README = Path.of("..", "README.md");

    @Test
    void shouldDocumentEveryKeyWithTheDefaultAndMeaningOfTheCode() throws IOException {
        Map<String, String> rows = configurationRows();

        for (ConfigKey key : ConfigKey.values()) {
            assertThat(rows).as("README row of %s", key.suffix()).containsEntry(key.suffix(), row(key));
        }
    }

    @Test
    void shouldDocumentNoKeyTheClientDoesNotRead() throws IOException {
        List<String> read = Arrays.stream(ConfigKey.values()).map(ConfigKey::suffix).toList();

        assertThat(configurationRows().keySet()).containsExactlyInAnyOrderElementsOf(read);
    }

    private static String row(ConfigKey key) {
        return "| `" + key.suffix() + "` | " + key.defaultValue().map(value -> "`" + value + "`").orElse("") + " | "
                + key.description() + " |";
    }

    /** The rows of the first key table after "## Configuration", by key, in their order. */
    private static Map<String, String> configurationRows() throws IOException {
        List<String> lines = Files.readAllLines(README);
        int section = lines.indexOf("## Configuration");
        assertThat(section).as("README has a Configuration section").isNotNegative();
        int header = section;
        while (!lines.get(header).startsWith("| key | default | meaning |")) {
            header++;
        }
        Map<String, String> rows = new LinkedHashMap<>();
        for (int i = header + 2; i < lines.size() && lines.get(i).startsWith("| `"); i++) {
            String line = lines.get(i);
            rows.put(line.substring(3, line.indexOf('`', 3)), line);
        }
        return rows;
    }
}
