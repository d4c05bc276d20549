package dev.rediscdi.internal.client;

import java.util.List;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;

import dev.rediscdi.Subscription;
import dev.rediscdi.internal.context.OrderedListener;

/**
 * One call to subscribe: its listener and topics, and whether Redis delivers its messages now. The listener hears of
 * each gap once, and of its end once: {@code onConnectionLost} and {@code onResubscribed} alternate, starting with
 * {@code onConnectionLost}, however many connections are lost, or attempts fail, in between.
 */
final class ActiveSubscription implements Subscription {
    /** Where the subscription stands: made, not yet confirmed; confirmed; interrupted and not yet restored. */
    private enum Phase { PENDING, LISTENING, DEAF }

    private final Function<ActiveSubscription, CompletionStage<Void>> unsubscriber;
    private final OrderedListener listener;
    private final List<String> topics;
    private final TopicKind kind;
    private final boolean keep;
    private Phase phase = Phase.PENDING; // guarded by this

    ActiveSubscription(Function<ActiveSubscription, CompletionStage<Void>> unsubscriber, OrderedListener listener, List<String> topics,
            TopicKind kind, boolean keep) {
        this.unsubscriber = unsubscriber;
        this.listener = listener;
        this.topics = topics;
        this.kind = kind;
        this.keep = keep;
    }

    OrderedListener listener() {
        return listener;
    }

    @Override
    public List<String> topics() {
        return topics;
    }

    @Override
    public boolean patterns() {
        return kind == TopicKind.PATTERN;
    }

    @Override
    public boolean sharded() {
        return kind == TopicKind.SHARD;
    }

    TopicKind kind() {
        return kind;
    }

    /** Whether it stays when Redis cannot be reached at first, to be made once Redis answers. */
    boolean keep() {
        return keep;
    }

    /**
     * Redis confirmed all its topics on the current connection: told {@code onResubscribed} if it was interrupted,
     * nothing if it was being made (its stage says so). Called under the subscription connection's lock, as
     * {@link #deaf} is, so that the two follow what happened to the connection in order; the listener only queues
     * the call.
     */
    synchronized void listening() {
        if (phase == Phase.DEAF) {
            listener.onResubscribed();
        }
        phase = Phase.LISTENING;
    }

    /**
     * Redis stopped delivering, or could not be reached for a subscription that stays: told
     * {@code onConnectionLost} unless already told of this gap. One being made whose connection is lost goes on
     * waiting for its confirmation, and hears of it only if it stays when that fails.
     */
    synchronized void deaf(Throwable cause) {
        if (phase == Phase.LISTENING || (phase == Phase.PENDING && keep)) {
            listener.onConnectionLost(cause);
            phase = Phase.DEAF;
        }
    }

    /**
     * Made again after Redis ended it elsewhere (a shard channel whose slot moved), its listener already told
     * {@code onConnectionLost}: it hears {@code onResubscribed} once Redis confirmed it here. Called before it is registered.
     */
    synchronized void resumed() {
        phase = Phase.DEAF;
    }

    /** Whether Redis confirmed all its topics on the current connection. */
    synchronized boolean isListening() {
        return phase == Phase.LISTENING;
    }

    /** Whether it is still being made, its stage not yet complete. */
    synchronized boolean isPending() {
        return phase == Phase.PENDING;
    }

    @Override
    public CompletionStage<Void> unsubscribe() {
        return unsubscriber.apply(this);
    }

    @Override
    public String toString() {
        return switch (kind) {
            case CHANNEL -> "Subscription" + topics;
            case PATTERN -> "PatternSubscription" + topics;
            case SHARD -> "ShardSubscription" + topics;
        };
    }
}
