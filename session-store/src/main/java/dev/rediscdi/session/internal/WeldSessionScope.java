package dev.rediscdi.session.internal;

import java.util.Map;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

import jakarta.enterprise.context.spi.CreationalContext;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.spi.Bean;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.enterprise.inject.spi.CDI;
import jakarta.servlet.http.HttpSession;

import org.jboss.weld.context.ManagedContext;
import org.jboss.weld.context.SessionContext;
import org.jboss.weld.context.bound.BoundLiteral;
import org.jboss.weld.context.bound.BoundSessionContext;

/**
 * Puts Weld's {@code @SessionScoped} beans into the Redis session.
 *
 * <p>Weld binds its session context to the container's own request in its {@code ServletRequestListener},
 * before any filter runs, and creates sessions on that request: beans would land in the container's memory
 * session. For each request this store therefore deactivates Weld's HTTP session context and activates
 * Weld's {@link BoundSessionContext} over the Redis session (public Weld API), then restores Weld's own state
 * before the request leaves the filter. Weld's bound store lists the session's bean names when it is
 * activated, so with Weld a request that carries a session cookie loads the session even if it uses no bean.
 *
 * <p>The HTTP session context is found among the {@link SessionContext} beans by its qualifier's name,
 * {@value #HTTP_QUALIFIER}, not through that package's classes: Open Liberty gives applications Weld's
 * {@code org.jboss.weld.context} and {@code org.jboss.weld.context.bound} packages (third-party API), but not
 * {@code org.jboss.weld.context.http}.
 */
final class WeldSessionScope {
    private static final Logger LOG = Logger.getLogger(WeldSessionScope.class.getName());
    private static final String HTTP_QUALIFIER = "org.jboss.weld.context.http.Http";

    private final ManagedContext httpContext;
    private final BoundSessionContext boundContext;

    private WeldSessionScope(ManagedContext httpContext, BoundSessionContext boundContext) {
        this.httpContext = httpContext;
        this.boundContext = boundContext;
    }

    /** Weld's contexts, or empty when the application does not run on Weld; call only once Weld's API is known to be on the class path. */
    static Optional<WeldSessionScope> find() {
        try {
            return Optional.of(new WeldSessionScope(httpSessionContext(CDI.current().getBeanManager()), boundSessionContext()));
        } catch (RuntimeException | LinkageError notWeld) {
            LOG.log(Level.FINE, "Weld's session contexts are not available: @SessionScoped beans are not moved to Redis", notWeld);
            return Optional.empty();
        }
    }

    /**
     * The class loader of Weld's implementation: it knows the classes Weld wraps {@code @SessionScoped} beans in
     * when it serializes them, which some servers (Open Liberty) hide from applications.
     */
    static ClassLoader implementationClassLoader() {
        return boundSessionContext().getClass().getClassLoader();
    }

    private static BoundSessionContext boundSessionContext() {
        return CDI.current().select(BoundSessionContext.class, BoundLiteral.INSTANCE).get();
    }

    private static ManagedContext httpSessionContext(BeanManager beans) {
        for (Bean<?> bean : beans.getBeans(SessionContext.class, Any.Literal.INSTANCE)) {
            if (bean.getQualifiers().stream().anyMatch(qualifier -> qualifier.annotationType().getName().equals(HTTP_QUALIFIER))) {
                CreationalContext<?> creation = beans.createCreationalContext(bean);
                return (ManagedContext) beans.getReference(bean, SessionContext.class, creation);
            }
        }
        throw new IllegalStateException("Weld has no session context qualified @" + HTTP_QUALIFIER);
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
        AutoCloseable scope = () -> restore(storage, httpActive);
        try {
            // Weld lists the stored beans here: the session is loaded, and Redis being unavailable surfaces here
            boundContext.activate();
        } catch (RuntimeException e) {
            try {
                scope.close();
            } catch (Exception | LinkageError restoring) {
                e.addSuppressed(restoring);
            }
            throw e;
        }
        sessions.onInvalidate(boundContext::invalidate);
        return scope;
    }

    /**
     * Destroys the {@code @SessionScoped} beans of a session that ended without a request (expiry), as Weld does when
     * a container's session times out: their {@code @PreDestroy} methods run. Called on the sweeper's thread.
     */
    void destroyBeans(HttpSession expired) {
        Map<String, Object> storage = new SessionAttributeMap(expired);
        boundContext.associate(storage);
        try {
            boundContext.activate();
            boundContext.invalidate();
            boundContext.deactivate(); // an invalidated context destroys its instances when deactivated
        } finally {
            boundContext.dissociate(storage);
        }
    }

    /** Leaves Weld's contexts as the request found them, even after a failed activation (they are thread-bound). */
    private void restore(Map<String, Object> storage, boolean httpActive) {
        try {
            if (boundContext.isActive()) {
                boundContext.deactivate();
            }
        } finally {
            boundContext.dissociate(storage);
            if (httpActive) {
                httpContext.activate();
            }
        }
    }
}
