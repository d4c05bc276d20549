package dev.rediscdi.internal.cdi;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

import jakarta.enterprise.event.Startup;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Default;
import jakarta.enterprise.inject.build.compatible.spi.BeanInfo;
import jakarta.enterprise.inject.build.compatible.spi.BuildCompatibleExtension;
import jakarta.enterprise.inject.build.compatible.spi.InjectionPointInfo;
import jakarta.enterprise.inject.build.compatible.spi.Messages;
import jakarta.enterprise.inject.build.compatible.spi.Registration;
import jakarta.enterprise.inject.build.compatible.spi.SyntheticBeanBuilder;
import jakarta.enterprise.inject.build.compatible.spi.SyntheticComponents;
import jakarta.enterprise.inject.build.compatible.spi.Synthesis;
import jakarta.enterprise.inject.build.compatible.spi.Validation;
import jakarta.enterprise.lang.model.AnnotationInfo;
import jakarta.enterprise.lang.model.types.Type;
import jakarta.inject.Singleton;

import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

import dev.rediscdi.BlockingRedisClient;
import dev.rediscdi.NamedRedisClient;
import dev.rediscdi.RedisClient;
import dev.rediscdi.internal.config.ClientConfig;
import dev.rediscdi.internal.config.ClientConfigReader;
import dev.rediscdi.internal.health.HealthChecks;
import dev.rediscdi.internal.config.ClientNames;
import dev.rediscdi.internal.config.ConfigKey;
import dev.rediscdi.internal.config.ConfigProblems;
import io.vertx.redis.client.Redis;
import io.vertx.redis.client.RedisAPI;

/**
 * Registers the Redis beans from MicroProfile Config. A Build Compatible Extension, so that Quarkus (which
 * runs it at build time and ignores portable extensions) and Weld-based servers run the same code.
 *
 * <p>For every configured client it adds {@link RedisClient}, {@link BlockingRedisClient}, {@link Redis} and
 * {@link RedisAPI} beans ({@code @Default} for the default client, {@link NamedRedisClient} for named ones).
 * Configuration problems, and injection points that ask for a client nobody configured, fail the deployment
 * once, with every problem listed.
 */
public class RedisExtension implements BuildCompatibleExtension {
    /** Named so that Quarkus never removes it as unused: the client beans look it up programmatically. */
    static final String REGISTRY_BEAN_NAME = "dev.rediscdi.internal.RedisClients";
    /**
     * The names of the client beans start so. Quarkus removes unnamed beans that no injection point asks for, and a
     * client may be looked up only ({@code CDI.current().select(..)}, {@code Instance.select(..)} on an {@code @Any
     * Instance<Object>}), so every view is named: {@code dev.rediscdi.internal.client:ASYNC} for the default client,
     * {@code dev.rediscdi.internal.client:ASYNC:cache} for a named one (no client name has a colon). No dot after the
     * prefix, so that no name is the namespace of another (CDI forbids a bean named {@code x} beside one named
     * {@code x.y}).
     */
    static final String CLIENT_BEAN_NAME_PREFIX = "dev.rediscdi.internal.client:";

    private final Map<String, List<String>> injectedNames = new TreeMap<>();
    private final List<String> problems = new ArrayList<>();

    @Registration(types = Object.class)
    public void collectInjectionPoints(BeanInfo bean) {
        for (InjectionPointInfo injectionPoint : bean.injectionPoints()) {
            String name = requestedClient(injectionPoint);
            if (name != null) {
                injectedNames.computeIfAbsent(name, n -> new ArrayList<>()).add(describe(injectionPoint));
            }
        }
    }

    @Synthesis
    public void registerBeans(SyntheticComponents components) {
        Config config = ConfigProvider.getConfig();
        ConfigProblems configProblems = new ConfigProblems();
        ClientNames.Discovery discovery = ClientNames.discover(config, configProblems);
        TreeSet<String> configured = new TreeSet<>(discovery.named());
        if (discovery.hasDefault()) {
            configured.add(RedisClients.DEFAULT);
        }
        ClientConfigReader reader = new ClientConfigReader(config, configProblems);
        Map<String, ClientConfig> read = new TreeMap<>();
        configured.forEach(name -> read.put(name, reader.read(name.equals(RedisClients.DEFAULT) ? null : name)));
        problems.addAll(configProblems.list());

        TreeSet<String> names = new TreeSet<>(configured);
        injectedNames.forEach((name, where) -> {
            if (!configured.contains(name)) {
                names.add(name); // registered anyway, so that the container reports our message, not an unsatisfied dependency
                String key = name.equals(RedisClients.DEFAULT) ? ClientNames.key(null, ConfigKey.HOSTS) : ClientNames.key(name, ConfigKey.HOSTS);
                problems.add(String.join(", ", where) + " injects the " + (name.equals(RedisClients.DEFAULT) ? "default Redis client" : "Redis client \"" + name + "\"")
                        + ", but " + key + " is not set. Fix: set " + key + "=redis://host:port");
            }
        });
        if (names.isEmpty()) {
            return; // no configuration, no injection: no beans
        }
        components.addBean(RedisClients.class)
                .type(RedisClients.class)
                .scope(Singleton.class)
                .name(REGISTRY_BEAN_NAME)
                .withParam(RedisClientsCreator.NAMES, configured.toArray(String[]::new))
                .createWith(RedisClientsCreator.class)
                .disposeWith(RedisClientsDisposer.class);
        if (!configured.isEmpty()) {
            components.addObserver(Startup.class).withParam(ClientsAtStartup.NAMES, configured.toArray(String[]::new))
                    .observeWith(ClientsAtStartup.class);
        }
        if (HealthChecks.available()) {
            read.forEach((name, client) -> {
                if (client.faultTolerance().health().enabled()) {
                    HealthChecks.register(components, name, client.prefix(), client.faultTolerance().health().timeout().toMillis());
                }
            });
        }
        for (String name : names) {
            addView(components, name, RedisClient.class, ClientBeanCreator.View.ASYNC);
            addView(components, name, BlockingRedisClient.class, ClientBeanCreator.View.BLOCKING);
            addView(components, name, Redis.class, ClientBeanCreator.View.REDIS);
            addView(components, name, RedisAPI.class, ClientBeanCreator.View.REDIS_API);
        }
    }

    @Validation
    public void reportProblems(Messages messages) {
        if (!problems.isEmpty()) {
            messages.error(ConfigProblems.message(problems));
        }
    }

    private static <T> void addView(SyntheticComponents components, String name, Class<T> type, ClientBeanCreator.View view) {
        @SuppressWarnings({ "unchecked", "rawtypes" })
        SyntheticBeanBuilder<Object> bean = (SyntheticBeanBuilder) components.addBean(type);
        bean.type(type).scope(Singleton.class).qualifier(Any.Literal.INSTANCE);
        if (name.equals(RedisClients.DEFAULT)) {
            bean.qualifier(Default.Literal.INSTANCE);
        } else {
            bean.qualifier(NamedRedisClient.Literal.of(name));
        }
        bean.name(CLIENT_BEAN_NAME_PREFIX + view.name() + (name.equals(RedisClients.DEFAULT) ? "" : ":" + name));
        bean.withParam(ClientBeanCreator.NAME, name)
                .withParam(ClientBeanCreator.VIEW, view.name())
                .createWith(ClientBeanCreator.class);
    }

    /** The client an injection point asks for, or {@code null} if it asks for something else. */
    private static String requestedClient(InjectionPointInfo injectionPoint) {
        String typeName = className(injectionPoint.type());
        for (AnnotationInfo qualifier : injectionPoint.qualifiers()) {
            if (qualifier.name().equals(NamedRedisClient.class.getName())) {
                return qualifier.value().asString();
            }
        }
        // Unqualified Redis/RedisAPI may come from the application's own producer: only our own types count.
        if (typeName.equals(RedisClient.class.getName()) || typeName.equals(BlockingRedisClient.class.getName())) {
            boolean defaultQualifier = injectionPoint.qualifiers().stream()
                    .allMatch(q -> q.name().equals(Default.class.getName()));
            return defaultQualifier ? RedisClients.DEFAULT : null;
        }
        return null;
    }

    private static String className(Type type) {
        if (type.isClass()) {
            return type.asClass().declaration().name();
        }
        if (type.isParameterizedType()) {
            return type.asParameterizedType().declaration().name();
        }
        return "";
    }

    private static String describe(InjectionPointInfo injectionPoint) {
        var declaration = injectionPoint.declaration();
        if (declaration.isField()) {
            return declaration.asField().declaringClass().name() + "." + declaration.asField().name();
        }
        if (declaration.isParameter()) {
            var method = declaration.asParameter().declaringMethod();
            return method.declaringClass().name() + "." + method.name() + "(" + declaration.asParameter().name() + ")";
        }
        return declaration.toString();
    }
}
