package dev.rediscdi.internal.client;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;

import dev.rediscdi.RedisMessage;
import dev.rediscdi.Subscription;
import dev.rediscdi.SubscriptionListener;
import dev.rediscdi.internal.context.OrderedListener;

/**
 * One call to {@code ssubscribe} on a cluster: its channels live on several nodes, each channel a subscription of its
 * own on its node's connection, and move when their slot does. The application's listener hears of a gap once,
 * however many of its channels it touches, and of its end once all of them are heard again: {@code onConnectionLost}
 * and {@code onResubscribed} alternate, as for a subscription on one connection.
 */
final class ShardedSubscription implements Subscription {
    private final Function<ShardedSubscription, CompletionStage<Void>> unsubscriber;
    private final SubscriptionListener listener;
    private final OrderedListener line;
    private final List<String> channels;
    private volatile boolean active = true;

    // touched on the listener's line only, one call at a time; the lock is for visibility across its threads
    private final Set<String> unheard = new HashSet<>();
    private boolean toldLost;

    /**
     * @param line the application's listener in its ordered form: its listener is called on its line, one call at a time
     *        with the messages of every channel (called directly there, not through {@code line} again: a listener that
     *        is itself an {@link OrderedListener}, as the CDI events' are, would take a second turn on the line)
     */
    ShardedSubscription(Function<ShardedSubscription, CompletionStage<Void>> unsubscriber, OrderedListener line, List<String> channels) {
        this.unsubscriber = unsubscriber;
        this.listener = line.listener();
        this.line = line;
        this.channels = channels;
    }

    /** A listener for the subscription of {@code channel} on one node, on this subscription's line, with a stop switch of its own. */
    OrderedListener listenerFor(String channel) {
        return line.alongside(new SubscriptionListener() {
            @Override
            public void onMessage(RedisMessage message) {
                if (active) {
                    listener.onMessage(message);
                }
            }

            @Override
            public void onConnectionLost(Throwable cause) {
                channelLost(channel, cause);
            }

            @Override
            public void onResubscribed() {
                channelBack(channel);
            }
        });
    }

    boolean isActive() {
        return active;
    }

    private void channelLost(String channel, Throwable cause) {
        synchronized (unheard) {
            if (!active) {
                return;
            }
            unheard.add(channel);
            if (!toldLost) {
                toldLost = true;
                listener.onConnectionLost(cause);
            }
        }
    }

    private void channelBack(String channel) {
        synchronized (unheard) {
            if (!active) {
                return;
            }
            unheard.remove(channel);
            if (toldLost && unheard.isEmpty()) {
                toldLost = false;
                listener.onResubscribed();
            }
        }
    }

    @Override
    public List<String> topics() {
        return channels;
    }

    @Override
    public boolean patterns() {
        return false;
    }

    @Override
    public boolean sharded() {
        return true;
    }

    @Override
    public CompletionStage<Void> unsubscribe() {
        active = false; // before anything else: messages already read must not reach the listener either
        line.stop();
        return unsubscriber.apply(this);
    }

    @Override
    public String toString() {
        return "ShardSubscription" + channels;
    }
}
