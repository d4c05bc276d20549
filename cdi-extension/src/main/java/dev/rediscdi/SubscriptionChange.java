package dev.rediscdi;

import java.util.List;

/**
 * A subscription that a client makes from its configuration ({@code events.channels}, {@code events.patterns},
 * {@code events.shard-channels}) lost its connection, or was made again: fired as a CDI event qualified like the
 * client, in line with the messages fired as {@link RedisMessage} events (an observer sees {@link Status#LOST LOST} after the last message before the
 * loss and {@link Status#RESUBSCRIBED RESUBSCRIBED} before the first one after it; the two alternate, {@code LOST}
 * first, one pair per gap, and Redis being down at start-up is a gap too). Messages published in between
 * are lost for good: Redis pub/sub keeps nothing for absent subscribers. An application that keeps a near cache
 * invalidated by messages clears it on {@code RESUBSCRIBED}.
 *
 * <pre>{@code
 * void on(@Observes @Default SubscriptionChange change) {
 *     if (change.status() == SubscriptionChange.Status.RESUBSCRIBED) {
 *         nearCache.clear();
 *     }
 * }
 * }</pre>
 *
 * @param status what happened
 * @param topics the channels, the patterns or the shard channels of the subscription
 * @param patterns whether {@code topics} are patterns ({@code events.patterns})
 * @param sharded whether {@code topics} are shard channels ({@code events.shard-channels}): a name may be both a channel
 *        and a shard channel, two subscriptions that Redis keeps apart
 * @param cause why the connection was lost; {@code null} for {@link Status#RESUBSCRIBED}
 */
public record SubscriptionChange(Status status, List<String> topics, boolean patterns, boolean sharded, Throwable cause) {

    /** What happened to a subscription. */
    public enum Status {
        /** The connection carrying it closed; the client reconnects by itself. */
        LOST,
        /** The client reconnected and Redis confirmed the subscription again. */
        RESUBSCRIBED
    }

    public SubscriptionChange {
        if (status == null) {
            throw new IllegalArgumentException("status is null: give LOST or RESUBSCRIBED");
        }
        topics = List.copyOf(topics);
    }

    /** A change of a subscription to channels ({@code patterns} false) or patterns, not shard channels. */
    public SubscriptionChange(Status status, List<String> topics, boolean patterns, Throwable cause) {
        this(status, topics, patterns, false, cause);
    }
}
