package dev.rediscdi.session.internal;

import java.util.EnumSet;
import java.util.EventListener;
import java.util.Set;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterRegistration;
import jakarta.servlet.ServletContainerInitializer;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.HandlesTypes;
import jakarta.servlet.annotation.WebListener;
import jakarta.servlet.http.HttpSessionAttributeListener;
import jakarta.servlet.http.HttpSessionIdListener;
import jakarta.servlet.http.HttpSessionListener;

import org.eclipse.microprofile.config.ConfigProvider;

import dev.rediscdi.internal.config.ConfigProblems;
import dev.rediscdi.session.SessionCodec;

/**
 * Installs the store in every web application that has the jar: reads and checks {@code redis-session.*}
 * (a mistake fails the deployment, listing every problem), registers the filter before the application's own
 * filters, the {@code @WebListener} session listeners the container found, and the expiry sweeper.
 * A {@code ServletContainerInitializer}, because a listener added later may not register filters (Servlet 6, 4.4).
 */
@HandlesTypes({ HttpSessionListener.class, HttpSessionAttributeListener.class, HttpSessionIdListener.class })
public final class SessionStoreInitializer implements ServletContainerInitializer {

    @Override
    public void onStartup(Set<Class<?>> listenerClasses, ServletContext context) throws ServletException {
        ClassLoader classLoader = context.getClassLoader() != null ? context.getClassLoader() : Thread.currentThread().getContextClassLoader();
        SessionSettingsReader reader = new SessionSettingsReader(ConfigProvider.getConfig(classLoader));
        SessionSettings settings = reader.read();
        ConfigProblems problems = new ConfigProblems();
        SessionCodec codec = Codecs.create(settings, classLoader, problems);
        problems.throwIfAny();

        SessionStore store = new SessionStore(context, settings, codec, classLoader);
        context.setAttribute(SessionStore.ATTRIBUTE, store);
        for (Class<?> type : listenerClasses == null ? Set.<Class<?>>of() : listenerClasses) {
            if (type.isAnnotationPresent(WebListener.class) && !type.isInterface()) {
                store.listeners().add((EventListener) context.createListener(type.asSubclass(EventListener.class)));
            }
        }
        FilterRegistration.Dynamic filter = context.addFilter("redis-session-store", new SessionFilter(store));
        filter.setAsyncSupported(true);
        filter.addMappingForUrlPatterns(EnumSet.allOf(DispatcherType.class), false, "/*");
        ExpirySweeper sweeper = new ExpirySweeper(store);
        context.addListener(new ServletContextListener() {
            @Override
            public void contextInitialized(ServletContextEvent event) {
                sweeper.start();
            }

            @Override
            public void contextDestroyed(ServletContextEvent event) {
                sweeper.stop();
                store.close();
            }
        });
    }
}
