package dev.rediscdi.internal.context;

import java.util.logging.Level;
import java.util.logging.Logger;

import dev.rediscdi.RedisMessage;
import dev.rediscdi.SubscriptionListener;
import java.util.concurrent.Executor;

/**
 * A subscription's listener called on a lane of its own ({@link ListenerThreads}): one call at a time, in the order
 * the messages came, with the subscriber's class loader, never on the event loop that reads the subscription and
 * never on a thread that anything but listeners needs.
 * Once {@link #stop() stopped} it calls the listener no more, not even for messages read before and still waiting
 * for their turn.
 */
public final class OrderedListener implements SubscriptionListener {
    private static final Logger LOG = Logger.getLogger(OrderedListener.class.getName());
    private final SubscriptionListener listener;
    private final Executor lane;
    private final ClassLoader loader;
    private volatile boolean active = true;

    OrderedListener(SubscriptionListener listener, Executor lane, ClassLoader loader) {
        this.listener = listener;
        this.lane = lane;
        this.loader = loader;
    }

    /** The listener this calls on its line. */
    public SubscriptionListener listener() {
        return listener;
    }

    /** The same listener, called on the same line as this one, with a stop switch of its own. */
    OrderedListener sameLine() {
        return alongside(listener);
    }

    /** Another listener, called on the same line as this one (one call of either at a time), with a stop switch of its own. */
    public OrderedListener alongside(SubscriptionListener other) {
        return new OrderedListener(other, lane, loader);
    }

    /** No call reaches the listener after this returns, but one already running. */
    public void stop() {
        active = false;
    }

    @Override
    public void onMessage(RedisMessage message) {
        lane.execute(() -> ifActive(() -> listener.onMessage(message)));
    }

    @Override
    public void onConnectionLost(Throwable cause) {
        lane.execute(() -> ifActive(() -> listener.onConnectionLost(cause)));
    }

    @Override
    public void onResubscribed() {
        lane.execute(() -> ifActive(listener::onResubscribed));
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
