package dev.rediscdi.bench.sessions;

import java.util.ServiceLoader;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.servlet.ServletContainerInitializer;

import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.jboss.weld.environment.se.Weld;
import org.jboss.weld.environment.se.WeldContainer;

/**
 * This library's session store, as an application gets it: MicroProfile Config ({@code redis.hosts},
 * {@code redis-session.*} as system properties), CDI (Weld) with the extension's clients, and the store's
 * {@code ServletContainerInitializer} found through {@code META-INF/services}, as a container finds it.
 */
final class RedisCdiSessions {
    private final WeldContainer weld;

    RedisCdiSessions(ServletContextHandler context, int redisPort) {
        System.setProperty("redis.hosts", "redis://127.0.0.1:" + redisPort);
        System.setProperty("redis-session.cookie.secure", "false"); // plain HTTP on loopback
        System.setProperty("redis-session.serialization.allow", "dev.rediscdi.bench.sessions.**");
        weld = new Weld("session-benchmark").disableDiscovery().addBeanClass(App.class).initialize();
        context.addServletContainerInitializer(storeInitializer());
    }

    private static ServletContainerInitializer storeInitializer() {
        for (ServletContainerInitializer initializer : ServiceLoader.load(ServletContainerInitializer.class)) {
            if (initializer.getClass().getName().startsWith("dev.rediscdi.session")) {
                return initializer;
            }
        }
        throw new IllegalStateException("the session store's ServletContainerInitializer is not on the class path");
    }

    void close() {
        weld.shutdown();
    }

    /** Weld SE with discovery disabled refuses to start without a bean class: the application's one bean. */
    @ApplicationScoped
    public static class App {
    }
}
