package dev.rediscdi.internal.cdi;

import java.util.LinkedHashMap;
import java.util.Map;

import org.eclipse.microprofile.config.ConfigProvider;

import dev.rediscdi.internal.config.ClientConfig;
import dev.rediscdi.internal.config.ClientConfigReader;
import dev.rediscdi.internal.config.ConfigProblems;

/**
 * The configuration of the clients as the running application has it. On Quarkus the extension runs at build time,
 * which decides the clients; their values (hosts, passwords, timeouts, event channels...) are read again here.
 */
final class RuntimeClientConfigs {

    private RuntimeClientConfigs() {
    }

    /**
     * @param names the clients, {@link RedisClients#DEFAULT} for the default one
     * @throws dev.rediscdi.RedisConfigurationException listing every problem, if there is one
     */
    static Map<String, ClientConfig> read(String[] names) {
        ConfigProblems problems = new ConfigProblems();
        ClientConfigReader reader = new ClientConfigReader(ConfigProvider.getConfig(), problems);
        Map<String, ClientConfig> configs = new LinkedHashMap<>();
        for (String name : names) {
            configs.put(name, reader.read(name.equals(RedisClients.DEFAULT) ? null : name));
        }
        problems.throwIfAny();
        return configs;
    }
}
