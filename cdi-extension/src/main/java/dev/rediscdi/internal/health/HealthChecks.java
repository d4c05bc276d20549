package dev.rediscdi.internal.health;

import jakarta.enterprise.inject.build.compatible.spi.SyntheticBeanBuilder;
import jakarta.enterprise.inject.build.compatible.spi.SyntheticComponents;
import jakarta.inject.Singleton;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.Readiness;

import dev.rediscdi.NamedRedisClient;

/**
 * Registers a readiness check per client. Touched only when MicroProfile Health is on the class path, so that
 * the extension runs without it.
 */
public final class HealthChecks {
    private static final String HEALTH_CHECK = "org.eclipse.microprofile.health.HealthCheck";

    private HealthChecks() {
    }

    public static boolean available() {
        try {
            Class.forName(HEALTH_CHECK, false, HealthChecks.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }

    /**
     * @param client the client's key in the registry
     * @param checkName what the health report calls it: the client's property prefix
     */
    public static void register(SyntheticComponents components, String client, String checkName, long timeoutMillis) {
        // the bean class decides the bean archive of a synthetic bean: see RedisReadinessCheck
        SyntheticBeanBuilder<RedisReadinessCheck> bean = components.addBean(RedisReadinessCheck.class)
                .type(HealthCheck.class)
                .scope(Singleton.class)
                .qualifier(Readiness.Literal.INSTANCE);
        if (!client.isEmpty()) {
            // ArC tells synthetic beans apart by their types and qualifiers only (not by name or parameters): without
            // this qualifier the checks of two clients are one bean to it, and the application does not build
            bean.qualifier(NamedRedisClient.Literal.of(client));
        }
        // a name keeps Quarkus from removing the bean, which only the health endpoint looks up
        bean.name("dev.rediscdi.readiness-" + (client.isEmpty() ? "default-client" : "client-" + client))
                .withParam(ReadinessCheckCreator.CLIENT, client)
                .withParam(ReadinessCheckCreator.CHECK_NAME, checkName)
                .withParam(ReadinessCheckCreator.TIMEOUT_MILLIS, timeoutMillis)
                .createWith(ReadinessCheckCreator.class);
    }
}
