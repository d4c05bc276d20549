package dev.rediscdi.internal.cdi;

import java.util.Map;

import jakarta.enterprise.event.Startup;
import jakarta.enterprise.inject.build.compatible.spi.Parameters;
import jakarta.enterprise.inject.build.compatible.spi.SyntheticObserver;
import jakarta.enterprise.inject.spi.CDI;

import dev.rediscdi.internal.config.ClientConfig;

/**
 * At start-up: checks the clients' configuration as the running application has it, so that a wrong value fails
 * start-up rather than the first call (on Quarkus the values are read again when the application starts, and the
 * clients are created on first use); then subscribes the clients whose configuration names channels, patterns or shard channels to
 * fire as CDI events, which the running application's configuration may name even where the build's did not.
 */
public class ClientsAtStartup implements SyntheticObserver<Startup> {
    static final String NAMES = "names";

    @Override
    public void observe(jakarta.enterprise.inject.spi.EventContext<Startup> event, Parameters params) {
        Map<String, ClientConfig> configs = RuntimeClientConfigs.read(params.get(NAMES, String[].class));
        if (configs.values().stream().anyMatch(ClientConfig::firesEvents)) {
            CDI<Object> container = CDI.current();
            container.select(RedisClients.class).get().subscribeEvents(container.getBeanManager().getEvent());
        }
    }
}
