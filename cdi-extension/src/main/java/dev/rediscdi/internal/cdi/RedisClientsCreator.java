package dev.rediscdi.internal.cdi;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.enterprise.inject.build.compatible.spi.Parameters;
import jakarta.enterprise.inject.build.compatible.spi.SyntheticBeanCreator;

import dev.rediscdi.RedisConfigurationException;
import dev.rediscdi.RedisOptionsCustomizer;
import dev.rediscdi.internal.config.ConfigProblems;
import dev.rediscdi.internal.config.Endpoint;
import dev.rediscdi.internal.context.Continuations;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;

/**
 * Creates the {@link RedisClients} of the container. Values are read here, at run time, so that on Quarkus
 * (where the extension itself runs at build time) the hosts and passwords of the running environment apply.
 */
public class RedisClientsCreator implements SyntheticBeanCreator<RedisClients> {
    static final String NAMES = "names";

    @Override
    public RedisClients create(Instance<Object> lookup, Parameters params) {
        Map<String, dev.rediscdi.internal.config.ClientConfig> configs = RuntimeClientConfigs.read(params.get(NAMES, String[].class));

        boolean unixSockets = configs.values().stream().anyMatch(config -> config.endpoints().stream().anyMatch(Endpoint::unixSocket));
        Instance<Vertx> existing = lookup.select(Vertx.class);
        boolean own = !existing.isResolvable();
        Vertx vertx = own ? Vertx.vertx(new VertxOptions().setPreferNativeTransport(unixSockets)) : existing.get();
        if (unixSockets && !vertx.isNativeTransportEnabled()) {
            String problem = configs.values().stream().filter(config -> config.endpoints().stream().anyMatch(Endpoint::unixSocket))
                    .map(config -> config.prefix() + ".hosts").collect(Collectors.joining(", "))
                    + ": unix:// hosts need Netty's native transport, which is not available. Fix: add "
                    + "io.netty:netty-transport-native-epoll (classifier linux-x86_64 or linux-aarch_64, the Netty version of Vert.x)"
                    + " to the application" + (own ? "" : ", and let its Vert.x prefer it (Quarkus: quarkus.vertx.prefer-native-transport=true)");
            if (own) {
                vertx.close();
            }
            throw new RedisConfigurationException(ConfigProblems.message(List.of(problem)), List.of(problem));
        }
        List<RedisOptionsCustomizer> customizers = new ArrayList<>();
        lookup.select(RedisOptionsCustomizer.class).forEach(customizers::add);
        RedisClients clients = new RedisClients(configs, vertx, own, customizers, Continuations.of(vertx, beanManager(lookup)));
        clients.codecLookup(lookup);
        return clients;
    }

    /** The container's bean manager, through which continuations get the caller's request context (Weld only). */
    private static BeanManager beanManager(Instance<Object> lookup) {
        try {
            Instance<BeanManager> manager = lookup.select(BeanManager.class);
            return manager.isResolvable() ? manager.get() : null;
        } catch (RuntimeException unsupported) { // a container without a BeanManager bean
            return null;
        }
    }
}
