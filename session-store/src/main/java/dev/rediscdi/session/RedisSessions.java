package dev.rediscdi.session;

import java.util.EventListener;

import jakarta.servlet.ServletContext;
import jakarta.servlet.http.HttpSessionAttributeListener;
import jakarta.servlet.http.HttpSessionIdListener;
import jakarta.servlet.http.HttpSessionListener;

import dev.rediscdi.session.internal.SessionStore;

/**
 * Entry point of the Redis session store. Adding the {@code redis-cdi-session-store} jar to a web application
 * is enough: its {@code ServletContainerInitializer} installs a filter that gives every request a
 * Redis-backed {@code HttpSession}, configured by {@code redis-session.*} MicroProfile Config properties.
 *
 * <p>Session listeners: the container calls its listeners for its own sessions only, and offers no way to list
 * them. The store calls the {@link HttpSessionListener}s, {@link HttpSessionAttributeListener}s and
 * {@link HttpSessionIdListener}s that are annotated {@code @WebListener} (the container hands them to the
 * initializer) and those given to {@link #addListener}.
 */
public final class RedisSessions {

    private RedisSessions() {
    }

    /**
     * Registers a session listener for the Redis sessions of this web application, for example from a
     * {@code ServletContextListener}.
     *
     * @param listener an {@link HttpSessionListener}, {@link HttpSessionAttributeListener} or
     *        {@link HttpSessionIdListener} (or several of them)
     * @throws IllegalStateException when the store's initializer did not run for this context
     * @throws IllegalArgumentException when the listener is none of the session listener types
     */
    public static void addListener(ServletContext context, EventListener listener) {
        SessionStore.of(context).listeners().add(listener);
    }
}
