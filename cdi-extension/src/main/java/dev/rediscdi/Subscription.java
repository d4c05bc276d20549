package dev.rediscdi;

import java.util.List;
import java.util.concurrent.CompletionStage;

/**
 * A live subscription to channels or patterns. It survives reconnections: after Redis restarts or fails
 * over, the client subscribes again by itself and tells the listener.
 */
public interface Subscription {

    /** The channels, or the patterns, this subscription listens to. */
    List<String> topics();

    /** Whether the topics are patterns ({@code PSUBSCRIBE}). */
    boolean patterns();

    /**
     * Stops delivering to this subscription's listener; completes when Redis confirmed, where it had to be told.
     * From the moment this is called the listener is called no more, not even for messages Redis had already sent
     * and that were waiting for their turn; only a call already running finishes.
     */
    CompletionStage<Void> unsubscribe();
}
