package dev.rediscdi.session.internal;

import java.util.Map;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

import jakarta.enterprise.inject.spi.CDI;

import org.jboss.weld.context.bound.BoundLiteral;
import org.jboss.weld.context.bound.BoundSessionContext;
import org.jboss.weld.context.http.HttpLiteral;
import org.jboss.weld.context.http.HttpSessionContext;

/**
 * Puts Weld's {@code @SessionScoped} beans into the Redis session.
 *
 * <p>Weld binds its session context to the container's own request in its {@code ServletRequestListener},
 * before any filter runs, and creates sessions on that request: beans would land in the container's memory
 * session. For each request this store therefore deactivates Weld's {@link HttpSessionContext} and activates
 * Weld's {@link BoundSessionContext} over the Redis session (public Weld API), then restores Weld's own state
 * before the request leaves the filter. Weld's bound store lists the session's bean names when it is
 * activated, so with Weld a request that carries a session cookie loads the session even if it uses no bean.
 */
final class WeldSessionScope {
    private static final Logger LOG = Logger.getLogger(WeldSessionScope.class.getName());

    private final HttpSessionContext httpContext;
    private final BoundSessionContext boundContext;

    private WeldSessionScope(HttpSessionContext httpContext, BoundSessionContext boundContext) {
        this.httpContext = httpContext;
        this.boundContext = boundContext;
    }

    /** Weld's contexts, or empty when the application does not run on Weld; call only once Weld's API is known to be on the class path. */
    static Optional<WeldSessionScope> find() {
        try {
            return Optional.of(new WeldSessionScope(CDI.current().select(HttpSessionContext.class, HttpLiteral.INSTANCE).get(),
                    CDI.current().select(BoundSessionContext.class, BoundLiteral.INSTANCE).get()));
        } catch (RuntimeException | LinkageError notWeld) {
            LOG.log(Level.FINE, "Weld's session contexts are not available: @SessionScoped beans are not moved to Redis", notWeld);
            return Optional.empty();
        }
    }

    /** Binds {@code @SessionScoped} to the request's Redis session until the returned scope is closed. */
    AutoCloseable bind(SessionRequest request, RequestSession sessions) {
        if (boundContext.isActive()) {
            return () -> {
            };
        }
        boolean httpActive = httpContext.isActive();
        if (httpActive) {
            httpContext.deactivate();
        }
        Map<String, Object> storage = new SessionAttributeMap(request);
        boundContext.associate(storage);
        boundContext.activate();
        sessions.onInvalidate(boundContext::invalidate);
        return () -> {
            try {
                boundContext.deactivate();
            } finally {
                boundContext.dissociate(storage);
                if (httpActive) {
                    httpContext.activate();
                }
            }
        };
    }
}
