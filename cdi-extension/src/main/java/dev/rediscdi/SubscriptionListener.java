package dev.rediscdi;

/**
 * Receives the messages of a subscription, and hears when the subscription was interrupted and restored.
 * Methods are called one at a time per subscription, in the order the messages came, on a thread kept for listeners
 * with the subscriber's context class loader, never on the event loop that reads the subscription: a listener
 * that blocks delays its own subscription's next messages, and nothing else.
 */
@FunctionalInterface
public interface SubscriptionListener {

    void onMessage(RedisMessage message);

    /**
     * The connection carrying the subscription closed (Redis restarted, failed over, or the network broke), or, for shard
     * channels on a cluster, Redis ended the subscription because the channel's slot moved to another node.
     * Messages published from now until {@link #onResubscribed()} are not delivered: Redis pub/sub keeps
     * nothing for absent subscribers. The client reconnects by itself. Called once per gap: the next call is
     * {@link #onResubscribed()}, however many reconnection attempts fail before it.
     */
    default void onConnectionLost(Throwable cause) {
    }

    /** The client reconnected and Redis confirmed the subscription again; called only after {@link #onConnectionLost}. */
    default void onResubscribed() {
    }
}
