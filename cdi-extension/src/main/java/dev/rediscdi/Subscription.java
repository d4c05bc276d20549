package dev.rediscdi;

import java.util.List;
import java.util.concurrent.CompletionStage;

/**
 * A live subscription to channels, patterns or shard channels. It survives reconnections: after Redis restarts or fails
 * over (or, for shard channels on a cluster, after their slot moved), the client subscribes again by itself and tells
 * the listener.
 */
public interface Subscription {

    /** The channels, the patterns or the shard channels this subscription listens to. */
    List<String> topics();

    /** Whether the topics are patterns ({@code PSUBSCRIBE}). */
    boolean patterns();

    /** Whether the topics are shard channels ({@code SSUBSCRIBE}, made by {@link RedisClient#ssubscribe}). */
    default boolean sharded() {
        return false;
    }

    /**
     * Stops delivering to this subscription's listener; completes when Redis confirmed, where it had to be told, or
     * once the subscription connection is lost (Redis then drops every subscription it held).
     * From the moment this is called the listener is called no more, not even for messages Redis had already sent
     * and that were waiting for their turn; only a call already running finishes.
     */
    CompletionStage<Void> unsubscribe();
}
