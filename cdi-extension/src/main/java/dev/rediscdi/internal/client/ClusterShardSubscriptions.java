package dev.rediscdi.internal.client;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.logging.Level;
import java.util.logging.Logger;

import dev.rediscdi.Subscription;
import dev.rediscdi.SubscriptionListener;
import dev.rediscdi.internal.context.OrderedListener;
import io.vertx.core.Vertx;
import io.vertx.core.impl.VertxInternal;
import io.vertx.redis.client.RedisOptions;
import io.vertx.redis.client.impl.types.ErrorType;

/**
 * Shard channels on a cluster. Each lives in the slot of its name, and only that slot's shard carries its messages:
 * it is subscribed on the primary serving the slot, over a subscription connection to that node
 * ({@link PubSubConnection}, one per node that holds shard channels, each reconnecting by itself, closed once its node
 * holds none: a node the channels left, or one gone for good, keeps no connection nor reconnection), one
 * {@code SSUBSCRIBE} per channel, so that none names two slots. When Redis ends one there by itself (its slot moved;
 * its node became a replica after a failover) or answers {@code MOVED}, it is subscribed again on the node serving
 * the slot now. While a channel is not heard (its node's connection lost), the slots are asked again every check, and
 * a channel whose node no longer serves its slot (a primary killed and replaced) is moved as well.
 */
final class ClusterShardSubscriptions implements PubSubConnection.ShardEvictions {
    private static final Logger LOG = Logger.getLogger(ClusterShardSubscriptions.class.getName());
    /** MOVED replies followed in a row for one channel of one {@code ssubscribe}, before its stage fails. */
    private static final int PLACEMENT_ATTEMPTS = 5;

    /**
     * Where one channel of one subscription is subscribed: on {@code node}, by {@code part}; or, with no part, nowhere
     * since it left {@code node} (which may be null).
     */
    private record Placement(String node, OrderedListener listener, ActiveSubscription part) {
        static Placement nowhere(String left) {
            return new Placement(left, null, null);
        }

        boolean placed() {
            return part != null;
        }
    }

    private final Vertx vertx;
    private final RedisOptions options;
    private final Failures failures;
    private final String clientLabel;
    private final Duration firstDelay;
    private final Duration maxDelay;
    private final ClusterSlotMap slotMap;

    // all guarded by this
    private final Map<String, PubSubConnection> nodes = new HashMap<>();
    private final Map<ShardedSubscription, Map<String, Placement>> placements = new LinkedHashMap<>();
    private final Map<OrderedListener, ShardedSubscription> byListener = new IdentityHashMap<>();
    private long checkTimer = -1;
    private boolean closed;

    /** @param clusterNodes asks the nodes for the slots, outside the client's retries and circuit breaker */
    ClusterShardSubscriptions(Vertx vertx, RedisOptions options, Failures failures, String clientLabel, Duration firstDelay, Duration maxDelay,
            ClusterNodes clusterNodes) {
        this.vertx = vertx;
        this.options = options;
        this.failures = failures;
        this.clientLabel = clientLabel;
        this.firstDelay = firstDelay;
        this.maxDelay = maxDelay;
        this.slotMap = new ClusterSlotMap(options, clientLabel, clusterNodes);
    }

    /**
     * Subscribes the listener of {@code line}, called on that line, to {@code channels}; completes once each node confirmed.
     *
     * @param keep what happens when a channel cannot be subscribed now (no node answers, or none confirms in time):
     *        {@code false}, the stage fails and nothing stays subscribed; {@code true}, the stage fails but the
     *        subscription stays, its listener told {@code onConnectionLost}, and the periodic check subscribes the
     *        channels left out on their slot's node once the cluster answers ({@code onResubscribed} when all are)
     */
    CompletionStage<Subscription> subscribe(OrderedListener line, String[] channels, boolean keep) {
        PubSubConnection.checkTopics(channels, TopicKind.SHARD);
        ShardedSubscription whole = new ShardedSubscription(this::remove, line, List.of(channels));
        synchronized (this) {
            if (closed) {
                throw new IllegalStateException(clientLabel + ": the client is closed");
            }
            placements.put(whole, new HashMap<>());
            if (checkTimer < 0) {
                checkTimer = vertx.setPeriodic(Math.min(1000, Math.max(100, maxDelay.toMillis())), id -> check());
            }
        }
        List<CompletableFuture<Void>> placed = new ArrayList<>();
        for (String channel : new LinkedHashSet<>(whole.topics())) {
            CompletableFuture<Void> first = placeFirst(whole, channel, null, PLACEMENT_ATTEMPTS);
            placed.add(keep ? first.whenComplete((ok, error) -> {
                if (error != null) {
                    leftOut(whole, channel, error instanceof CompletionException ? error.getCause() : error);
                }
            }) : first);
        }
        CompletableFuture<Subscription> result = new CompletableFuture<>();
        CompletableFuture.allOf(placed.toArray(CompletableFuture[]::new)).whenComplete((ok, error) -> {
            if (error == null) {
                result.complete(whole);
            } else {
                if (!keep) {
                    whole.unsubscribe(); // nothing stays subscribed, as for subscribe(..)
                }
                result.completeExceptionally(error instanceof CompletionException ? error.getCause() : error);
            }
        });
        return result;
    }

    /** Subscribes {@code channel} of a new subscription on its slot's node, or on {@code movedTo}, following MOVED replies. */
    private CompletableFuture<Void> placeFirst(ShardedSubscription whole, String channel, String movedTo, int attemptsLeft) {
        CompletionStage<String> node = movedTo != null ? CompletableFuture.completedFuture(movedTo) : slotMap.ownerOf(channel, false, null);
        return node.thenCompose(owner -> {
            OrderedListener partListener = whole.listenerFor(channel);
            PubSubConnection.Made made;
            List<PubSubConnection> retired = new ArrayList<>();
            synchronized (this) {
                Map<String, Placement> mine = placements.get(whole);
                if (mine == null || closed) { // another channel of it failed meanwhile: it fails as a whole
                    return CompletableFuture.<Void>completedFuture(null);
                }
                made = connection(owner).subscribe(partListener, new String[] {channel}, TopicKind.SHARD, false, false);
                // after a MOVED, in place of the attempt on the node that refused it
                replace(mine, channel, new Placement(owner, partListener, made.subscription()), retired);
                byListener.put(partListener, whole);
            }
            closeRetired(retired);
            return made.confirmed().toCompletableFuture().<Void>thenApply(confirmed -> null).exceptionallyCompose(error -> {
                synchronized (this) {
                    byListener.remove(partListener);
                }
                String target = movedTo(error);
                if (target != null && attemptsLeft > 1) {
                    LOG.log(Level.INFO, () -> clientLabel + ": shard channel " + channel + " lives on " + target + " (MOVED); subscribing there");
                    return placeFirst(whole, channel, target, attemptsLeft - 1);
                }
                return CompletableFuture.failedFuture(error);
            });
        }).toCompletableFuture();
    }

    /**
     * {@code channel} of {@code whole}, which stays, could not be subscribed at first: it is nowhere, the periodic check
     * places it, and its listener hears of the gap now, before anything can place it (under this lock).
     */
    private void leftOut(ShardedSubscription whole, String channel, Throwable cause) {
        List<PubSubConnection> retired = new ArrayList<>();
        synchronized (this) {
            Map<String, Placement> mine = placements.get(whole);
            if (closed || mine == null) {
                return;
            }
            Placement at = mine.get(channel);
            replace(mine, channel, Placement.nowhere(at == null ? null : at.node()), retired);
            whole.listenerFor(channel).onConnectionLost(cause);
            LOG.log(Level.INFO, () -> clientLabel + ": cannot subscribe to shard channel " + channel + " yet (" + cause.getMessage()
                    + "); trying again once the cluster answers");
        }
        closeRetired(retired);
    }

    @Override
    public void evicted(String channel, List<ActiveSubscription> subscribers, Throwable cause, String movedTo) {
        for (ActiveSubscription part : subscribers) {
            if (part.isPending()) {
                continue; // its ssubscribe(..) hears of the failure, and follows the MOVED
            }
            ShardedSubscription whole;
            String left;
            List<PubSubConnection> retired = new ArrayList<>();
            synchronized (this) {
                whole = byListener.remove(part.listener());
                Map<String, Placement> mine = whole == null ? null : placements.get(whole);
                if (mine == null || mine.get(channel) == null || mine.get(channel).part() != part) {
                    continue;
                }
                left = mine.get(channel).node();
                replace(mine, channel, Placement.nowhere(left), retired);
            }
            closeRetired(retired);
            // on the part's own line, after the messages it read before Redis ended it
            part.listener().onConnectionLost(cause);
            // the node that ended it knows where the slot went; another may not have heard yet
            CompletionStage<String> node = movedTo != null ? CompletableFuture.completedFuture(movedTo) : slotMap.ownerOf(channel, true, left);
            node.whenComplete((owner, error) -> {
                if (error == null && !owner.equals(left)) {
                    placeResumed(whole, channel, owner);
                } else { // the periodic check places it once the cluster names the new owner
                    LOG.log(Level.FINE, () -> clientLabel + ": the cluster names no new node for shard channel " + channel + " yet");
                }
            });
        }
    }

    /** Subscribes {@code channel} of {@code whole}, which is nowhere now, on {@code owner}: its listener hears when it is back. */
    private synchronized void placeResumed(ShardedSubscription whole, String channel, String owner) {
        Map<String, Placement> mine = placements.get(whole);
        if (closed || mine == null || mine.get(channel) == null || mine.get(channel).placed()) {
            return; // unsubscribed, or placed meanwhile
        }
        OrderedListener partListener = whole.listenerFor(channel);
        PubSubConnection.Made made = connection(owner).subscribe(partListener, new String[] {channel}, TopicKind.SHARD, true, true);
        mine.put(channel, new Placement(owner, partListener, made.subscription()));
        byListener.put(partListener, whole);
        LOG.log(Level.INFO, () -> clientLabel + ": subscribing to shard channel " + channel + " on " + owner);
    }

    /**
     * Runs every check period: when a channel is nowhere, or not heard on its node, asks the cluster for the slots, and
     * subscribes it on the node serving its slot if that is another node.
     */
    private void check() {
        Map<ShardedSubscription, Map<String, Placement>> attention = new HashMap<>();
        synchronized (this) {
            placements.forEach((whole, mine) -> mine.forEach((channel, at) -> {
                if (!at.placed() || (!at.part().isListening() && !at.part().isPending())) {
                    attention.computeIfAbsent(whole, w -> new HashMap<>()).put(channel, at);
                }
            }));
        }
        if (attention.isEmpty()) {
            return;
        }
        slotMap.current(true, null).whenComplete((slots, error) -> {
            if (error != null) {
                LOG.log(Level.FINE, () -> clientLabel + ": cannot ask the cluster for its slots yet: " + error);
                return;
            }
            attention.forEach((whole, mine) -> mine.forEach((channel, at) -> {
                String owner = slots.ownerOf(TopicKind.slot(channel));
                if (owner != null && (!at.placed() || !owner.equals(at.node()))) {
                    relocate(whole, channel, at, owner);
                }
            }));
        });
    }

    private void relocate(ShardedSubscription whole, String channel, Placement at, String owner) {
        List<PubSubConnection> retired = new ArrayList<>();
        synchronized (this) {
            Map<String, Placement> mine = placements.get(whole);
            if (mine == null || mine.get(channel) != at) {
                return;
            }
            if (at.placed()) {
                byListener.remove(at.listener());
                connection(at.node()).forget(at.part()); // it was told of the gap: its connection was lost
            }
            replace(mine, channel, Placement.nowhere(at.node()), retired);
        }
        // a node gone for good (killed and replaced) stops reconnecting here, once none of its channels is left on it
        closeRetired(retired);
        placeResumed(whole, channel, owner);
    }

    private CompletionStage<Void> remove(ShardedSubscription whole) {
        Map<String, Placement> mine;
        List<CompletableFuture<Void>> done = new ArrayList<>();
        List<PubSubConnection> retired = new ArrayList<>();
        synchronized (this) {
            mine = placements.remove(whole);
            if (mine == null) {
                return CompletableFuture.completedFuture(null);
            }
            for (Placement at : mine.values()) {
                if (at.placed()) {
                    byListener.remove(at.listener());
                    done.add(connection(at.node()).remove(at.part()).toCompletableFuture());
                }
            }
            for (Placement at : mine.values()) {
                retireIfUnused(at.node(), retired);
            }
        }
        // closing a connection ends its SUNSUBSCRIBE's wait (sent or not, Redis forgets the channels with the socket)
        closeRetired(retired);
        return CompletableFuture.allOf(done.toArray(CompletableFuture[]::new));
    }

    /** The node a MOVED reply in {@code error}'s causes names, or {@code null}. */
    private static String movedTo(Throwable error) {
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            if (cause instanceof ErrorType refusal && refusal.is("MOVED")) {
                return refusal.slice(' ', 2);
            }
        }
        return null;
    }

    /** Puts {@code next} in place of {@code channel}'s placement in {@code mine}: the node it leaves may hold nothing more. */
    // guarded by this
    private void replace(Map<String, Placement> mine, String channel, Placement next, List<PubSubConnection> retired) {
        Placement before = mine.put(channel, next);
        if (before != null) {
            retireIfUnused(before.node(), retired);
        }
    }

    /**
     * Takes the connection of {@code node} out, into {@code retired}, when no channel is placed there any more: the
     * caller closes it once out of this lock, and a later placement there opens a new one. Kept, it would stay open
     * to a node the channels left, or reconnect to one gone, for as long as the client lives.
     */
    // guarded by this
    private void retireIfUnused(String node, List<PubSubConnection> retired) {
        if (node == null || !nodes.containsKey(node)) {
            return;
        }
        for (Map<String, Placement> mine : placements.values()) {
            for (Placement at : mine.values()) {
                if (at.placed() && node.equals(at.node())) {
                    return;
                }
            }
        }
        retired.add(nodes.remove(node));
        LOG.log(Level.FINE, () -> clientLabel + ": no shard channel left on " + node + "; closing its subscription connection");
    }

    /** Outside this lock: closing a connection tells its subscriptions nothing (none is left), but takes its own lock. */
    private static void closeRetired(List<PubSubConnection> retired) {
        retired.forEach(PubSubConnection::close);
    }

    // guarded by this
    private PubSubConnection connection(String node) {
        return nodes.computeIfAbsent(node, each -> new PubSubConnection(
                SubscriptionConnector.of(ClusterNodes.standaloneClient(vertx, options, NodeUri.withHostPort(options.getEndpoint(), each), 1, clientLabel)),
                vertx, ((VertxInternal) vertx).createEventLoopContext(), failures, clientLabel, firstDelay, maxDelay, this));
    }

    void close() {
        List<PubSubConnection> open;
        synchronized (this) {
            closed = true;
            if (checkTimer >= 0) {
                vertx.cancelTimer(checkTimer);
            }
            open = new ArrayList<>(nodes.values());
            nodes.clear();
            placements.clear();
            byListener.clear();
        }
        open.forEach(PubSubConnection::close);
    }
}
