package dev.rediscdi.samples;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.eclipse.microprofile.config.Config;

import dev.rediscdi.internal.config.ClientConfig;
import dev.rediscdi.internal.config.ClientConfigReader;
import dev.rediscdi.internal.config.ClientNames;
import dev.rediscdi.internal.config.ConfigProblems;
import dev.rediscdi.internal.config.RedisOptionsFactory;

/**
 * Runs the library's own start-up validation over a config: {@link ClientNames#discover} (unknown keys,
 * names) then {@link ClientConfigReader#read} for every client found, then builds the driver options of
 * each, as the extension does before creating the clients.
 */
record Validation(List<String> problems, ClientConfig defaultClient, Map<String, ClientConfig> named) {

    static Validation of(Config config) {
        ConfigProblems problems = new ConfigProblems();
        ClientNames.Discovery discovery = ClientNames.discover(config, problems);
        ClientConfigReader reader = new ClientConfigReader(config, problems);
        ClientConfig defaultClient = discovery.hasDefault() ? reader.read(null) : null;
        Map<String, ClientConfig> named = new LinkedHashMap<>();
        discovery.named().forEach(name -> named.put(name, reader.read(name)));
        if (problems.isEmpty()) {
            if (defaultClient != null) {
                RedisOptionsFactory.create(defaultClient);
            }
            named.values().forEach(RedisOptionsFactory::create);
        }
        return new Validation(problems.list(), defaultClient, Map.copyOf(named));
    }

    String message() {
        return problems.isEmpty() ? "no problem" : ConfigProblems.message(problems);
    }
}
