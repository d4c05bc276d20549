package dev.rediscdi.internal.context;

import java.util.concurrent.Executor;
import java.util.logging.Level;
import java.util.logging.Logger;

import dev.rediscdi.RedisMessage;
import dev.rediscdi.RedisOverloadedException;
import dev.rediscdi.SubscriptionListener;

/**
 * A subscription's listener called on a lane of its own ({@link ListenerThreads}): one call at a time, in the order
 * the messages came, with the subscriber's class loader, never on the event loop that reads the subscription and
 * never on a thread that anything but listeners needs.
 * Once {@link #stop() stopped} it calls the listener no more, not even for messages read before and still waiting
 * for their turn.
 *
 * <p>What waits on a lane is bounded ({@link ListenerBacklog}). A message past the bound is dropped, and so is every
 * later one until the listener has taken what waited: the messages it gets are the oldest, in order, with one gap.
 * There it hears of the gap as of a lost connection: {@code onConnectionLost} with a {@link RedisOverloadedException}
 * that says how many were dropped, then {@code onResubscribed}, before the first message after it. A gap that falls
 * within one the connection opened already (told {@code onConnectionLost}, not yet {@code onResubscribed}) is part of
 * that one: the listener hears of gaps one at a time, as {@link SubscriptionListener} promises. A lost connection or a
 * resubscription that comes while messages are being dropped ends that gap where it comes: what is dropped after it is
 * told after it, else a message dropped after {@code onResubscribed} would be missing without a word.
 */
public final class OrderedListener implements SubscriptionListener {
    private static final Logger LOG = Logger.getLogger(OrderedListener.class.getName());
    private final SubscriptionListener listener;
    private final Executor lane;
    private final ListenerBacklog backlog;
    private final ClassLoader loader;
    /** Names the client and the subscription in what the listener and the log are told. */
    private final String label;
    private volatile boolean active = true;
    /** The messages being dropped, told by a call waiting on the lane; {@code null} while none is. */
    private Gap gap; // guarded by this
    /** The listener was told of a lost connection and not yet of the resubscription. Used on the lane only. */
    private volatile boolean connectionGap;

    OrderedListener(SubscriptionListener listener, Executor lane, ListenerBacklog backlog, ClassLoader loader, String label) {
        this.listener = listener;
        this.lane = lane;
        this.backlog = backlog;
        this.loader = loader;
        this.label = label;
    }

    /** The listener this calls on its line. */
    public SubscriptionListener listener() {
        return listener;
    }

    /** Another listener, called on the same line as this one (one call of either at a time), with a stop switch of its own. */
    public OrderedListener alongside(SubscriptionListener other) {
        return alongside(other, label);
    }

    /** As {@link #alongside(SubscriptionListener)}, named {@code otherLabel} in what it is told of dropped messages. */
    public OrderedListener alongside(SubscriptionListener other, String otherLabel) {
        return new OrderedListener(other, lane, backlog, loader, otherLabel);
    }

    /** No call reaches the listener after this returns, but one already running. */
    public void stop() {
        active = false;
    }

    @Override
    public void onMessage(RedisMessage message) {
        if (!active) {
            return;
        }
        int size = message.payload() == null ? 0 : message.payload().length;
        synchronized (this) { // given to the lane under the lock: a gap is told in its place among the messages
            if (gap == null && backlog.admit(size)) {
                lane.execute(() -> {
                    backlog.taken(size);
                    ifActive(() -> listener.onMessage(message));
                });
                return;
            }
            if (gap == null) {
                LOG.log(Level.WARNING, () -> label + ": the listener fell behind by more than " + limits() + "; dropping the messages that come "
                        + "until it caught up");
                Gap started = new Gap();
                gap = started;
                lane.execute(() -> caughtUp(started));
            }
            gap.dropped++;
        }
    }

    @Override
    public void onConnectionLost(Throwable cause) {
        inPlaceOfGap(() -> {
            connectionGap = true;
            ifActive(() -> listener.onConnectionLost(cause));
        });
    }

    @Override
    public void onResubscribed() {
        inPlaceOfGap(() -> {
            connectionGap = false;
            ifActive(listener::onResubscribed);
        });
    }

    /**
     * Gives {@code call} to the lane and ends the gap of the messages being dropped, if any, under the lock messages are
     * dropped under: the messages dropped from now on are told after {@code call}.
     */
    private synchronized void inPlaceOfGap(Runnable call) {
        gap = null;
        lane.execute(call);
    }

    /** On the lane, after the last message taken before the first one of {@code told} dropped: the listener took all that waited. */
    private void caughtUp(Gap told) {
        long count;
        synchronized (this) {
            count = told.dropped;
            if (gap == told) {
                gap = null; // from here on messages come in again, behind this call
            }
        }
        if (!active) {
            return;
        }
        RedisOverloadedException gap = new RedisOverloadedException(label + ": " + count + (count == 1 ? " message" : " messages") + " dropped: the listener fell behind by more "
                + "than " + limits() + " waiting for it; it gets the messages that come from now on. Make the listener quicker, or have it "
                + "hand its work to a queue of the application's own");
        LOG.log(Level.WARNING, gap.getMessage());
        if (connectionGap) { // within a gap the listener was told of: its onResubscribed ends both
            return;
        }
        ifActive(() -> listener.onConnectionLost(gap));
        ifActive(listener::onResubscribed);
    }

    /** Messages dropped one after another, told in one call. */
    private static final class Gap {
        long dropped; // guarded by the OrderedListener
    }

    private static String limits() {
        return ListenerBacklog.MAX_MESSAGES + " messages or " + ListenerBacklog.MAX_BYTES / (1024 * 1024) + " MB of payload";
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
