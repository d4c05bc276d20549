package dev.rediscdi.internal.config;

import java.util.HashMap;
import java.util.Map;

import org.eclipse.microprofile.config.Config;

import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfigBuilder;

/** MicroProfile Config instances from key/value pairs, for unit tests. */
final class Configs {
    private Configs() {
    }

    static Config of(String... keysAndValues) {
        Map<String, String> properties = new HashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            properties.put(keysAndValues[i], keysAndValues[i + 1]);
        }
        return new SmallRyeConfigBuilder().withSources(new PropertiesConfigSource(properties, "test", 500)).build();
    }

    /** Reads every discovered client and returns the problems. */
    static ConfigProblems problems(String... keysAndValues) {
        Config config = of(keysAndValues);
        ConfigProblems problems = new ConfigProblems();
        ClientNames.Discovery discovery = ClientNames.discover(config, problems);
        ClientConfigReader reader = new ClientConfigReader(config, problems);
        if (discovery.hasDefault()) {
            reader.read(null);
        }
        discovery.named().forEach(reader::read);
        return problems;
    }
}
