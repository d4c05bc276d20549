package dev.rediscdi;

/**
 * Receives the messages of a subscription, and hears when the subscription was interrupted and restored.
 * Methods are called one at a time per subscription, in the order the messages came, on a thread kept for listeners
 * with the subscriber's context class loader, never on the event loop that reads the subscription: a listener
 * that blocks delays its own subscription's next messages, and nothing else.
 *
 * <p>The messages waiting for a listener are bounded: at most 10,000, or 32 MB of payload, whichever comes first.
 * Redis drops a subscriber that falls that far behind ({@code client-output-buffer-limit pubsub}, 32 MB by
 * default), but the client reads every message as it comes, so Redis never sees a slow listener: without this bound
 * its messages would pile up in the application's heap. A listener that falls further behind loses the new messages,
 * not the ones waiting: the client drops every message that comes until the listener has taken all that waited, then
 * tells it of the gap as of a lost connection, in its place among the messages: {@link #onConnectionLost} with a
 * {@link RedisOverloadedException} that says how many messages were dropped, then at once {@link #onResubscribed()},
 * then the messages that came after. Dropped messages that fall within a gap the listener was told of already (its
 * connection lost) are part of that gap; a lost connection or a resubscription that comes while messages are being
 * dropped ends that gap there, and what is dropped after {@link #onResubscribed()} is told after it.
 */
@FunctionalInterface
public interface SubscriptionListener {

    void onMessage(RedisMessage message);

    /**
     * The connection carrying the subscription closed (Redis restarted, failed over, or the network broke), or, for shard
     * channels on a cluster, Redis ended the subscription because the channel's slot moved to another node, or the
     * listener fell too far behind and the client dropped messages (a {@link RedisOverloadedException}, see above).
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
