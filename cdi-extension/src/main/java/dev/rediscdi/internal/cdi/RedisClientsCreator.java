package dev.rediscdi.internal.cdi;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.build.compatible.spi.Parameters;
import jakarta.enterprise.inject.build.compatible.spi.SyntheticBeanCreator;

import org.eclipse.microprofile.config.ConfigProvider;

import dev.rediscdi.RedisOptionsCustomizer;
import dev.rediscdi.internal.config.ClientConfigReader;
import dev.rediscdi.internal.config.ConfigProblems;
import io.vertx.core.Vertx;

/**
 * Creates the {@link RedisClients} of the container. Values are read here, at run time, so that on Quarkus
 * (where the extension itself runs at build time) the hosts and passwords of the running environment apply.
 */
public class RedisClientsCreator implements SyntheticBeanCreator<RedisClients> {
    static final String NAMES = "names";

    @Override
    public RedisClients create(Instance<Object> lookup, Parameters params) {
        ConfigProblems problems = new ConfigProblems();
        ClientConfigReader reader = new ClientConfigReader(ConfigProvider.getConfig(), problems);
        Map<String, dev.rediscdi.internal.config.ClientConfig> configs = new LinkedHashMap<>();
        for (String name : params.get(NAMES, String[].class)) {
            configs.put(name, reader.read(name.equals(RedisClients.DEFAULT) ? null : name));
        }
        problems.throwIfAny();

        Instance<Vertx> existing = lookup.select(Vertx.class);
        boolean own = !existing.isResolvable();
        Vertx vertx = own ? Vertx.vertx() : existing.get();
        List<RedisOptionsCustomizer> customizers = new ArrayList<>();
        lookup.select(RedisOptionsCustomizer.class).forEach(customizers::add);
        return new RedisClients(configs, vertx, own, customizers);
    }
}
