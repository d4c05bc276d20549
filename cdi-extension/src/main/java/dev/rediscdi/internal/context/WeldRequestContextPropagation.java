package dev.rediscdi.internal.context;

import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;

import jakarta.enterprise.context.RequestScoped;

import org.jboss.weld.context.WeldAlterableContext;
import org.jboss.weld.context.api.ContextualInstance;
import org.jboss.weld.context.bound.BoundLiteral;
import org.jboss.weld.context.bound.BoundRequestContext;
import org.jboss.weld.manager.api.WeldManager;

/**
 * Weld's documented way to propagate a request context: take the contextual instances of the caller's active
 * request context, and on the other thread activate a bound request context holding the same instances. The
 * instances are the caller's: the continuation sees the same {@code @RequestScoped} beans the request had used when
 * it was registered, and deactivating the bound context destroys none of them (the caller's request does that when
 * it ends). A bean first used in the continuation is one of its own, destroyed when it ends.
 */
final class WeldRequestContextPropagation implements RequestContextPropagation {
    private static final Logger LOG = Logger.getLogger(WeldRequestContextPropagation.class.getName());
    private final WeldManager manager;
    /** Weld's one bound request context (its state lives in the storage associated per thread): looked up once. */
    private volatile BoundRequestContext bound;

    WeldRequestContextPropagation(WeldManager manager) {
        this.manager = manager;
    }

    @Override
    public Object capture() {
        if (!manager.isContextActive(RequestScoped.class)) {
            return null;
        }
        for (WeldAlterableContext context : manager.getActiveWeldAlterableContexts()) {
            if (context.getScope() == RequestScoped.class) {
                return context.getAllContextualInstances();
            }
        }
        return null;
    }

    @Override
    @SuppressWarnings("unchecked")
    public void runWithin(Object captured, Runnable task) {
        if (captured == null || manager.isContextActive(RequestScoped.class)) {
            task.run();
            return;
        }
        BoundRequestContext context;
        Map<String, Object> storage = new HashMap<>();
        try {
            context = boundContext();
            context.associate(storage);
            context.activate();
            context.clearAndSet((Collection<ContextualInstance<?>>) captured);
        } catch (RuntimeException containerGone) { // shut down meanwhile: the continuation must still run, or its stage never completes
            LOG.log(Level.FINE, "cannot carry the request context into a Redis continuation", containerGone);
            task.run();
            return;
        }
        try {
            task.run();
        } finally {
            destroyCreatedHere(context, (Collection<ContextualInstance<?>>) captured);
            context.deactivate();
            context.dissociate(storage);
        }
    }

    /**
     * A bean the request had not used when the continuation was registered is created in the continuation's own
     * storage: the request cannot see it (Weld cannot share a request's storage with another thread), so it is
     * destroyed when the continuation ends, as the request's own beans are when the request does.
     */
    private static void destroyCreatedHere(BoundRequestContext context, Collection<ContextualInstance<?>> captured) {
        Set<Object> before = new HashSet<>();
        captured.forEach(instance -> before.add(instance.getContextual()));
        for (ContextualInstance<?> instance : context.getAllContextualInstances()) {
            if (!before.contains(instance.getContextual())) {
                context.destroy(instance.getContextual());
            }
        }
    }

    private BoundRequestContext boundContext() {
        BoundRequestContext context = bound;
        if (context == null) {
            context = manager.instance().select(BoundRequestContext.class, BoundLiteral.INSTANCE).get();
            bound = context;
        }
        return context;
    }
}
