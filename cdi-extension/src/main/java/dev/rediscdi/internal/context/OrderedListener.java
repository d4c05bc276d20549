package dev.rediscdi.internal.context;

import java.util.logging.Level;
import java.util.logging.Logger;

import dev.rediscdi.RedisMessage;
import dev.rediscdi.SubscriptionListener;
import io.vertx.core.Context;

/**
 * A subscription's listener called on a Vert.x worker context of its own: one call at a time, in the order the
 * messages came, with the subscriber's class loader, and never on the event loop that reads the subscription.
 * Once {@link #stop() stopped} it calls the listener no more, not even for messages read before and still waiting
 * for their turn.
 */
public final class OrderedListener implements SubscriptionListener {
    private static final Logger LOG = Logger.getLogger(OrderedListener.class.getName());
    private final SubscriptionListener listener;
    private final Context worker;
    private final ClassLoader loader;
    private volatile boolean active = true;

    OrderedListener(SubscriptionListener listener, Context worker, ClassLoader loader) {
        this.listener = listener;
        this.worker = worker;
        this.loader = loader;
    }

    /** The same listener, called on the same line as this one, with a stop switch of its own. */
    OrderedListener sameLine() {
        return new OrderedListener(listener, worker, loader);
    }

    /** No call reaches the listener after this returns, but one already running. */
    public void stop() {
        active = false;
    }

    @Override
    public void onMessage(RedisMessage message) {
        worker.runOnContext(ignored -> ifActive(() -> listener.onMessage(message)));
    }

    @Override
    public void onConnectionLost(Throwable cause) {
        worker.runOnContext(ignored -> ifActive(() -> listener.onConnectionLost(cause)));
    }

    @Override
    public void onResubscribed() {
        worker.runOnContext(ignored -> ifActive(listener::onResubscribed));
    }

    private void ifActive(Runnable call) {
        if (!active) {
            return;
        }
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(loader);
        try {
            call.run();
        } catch (RuntimeException e) { // one failing message must not stop the next ones
            LOG.log(Level.WARNING, "a Redis subscription listener failed", e);
        } finally {
            thread.setContextClassLoader(previous);
        }
    }
}
