package dev.rediscdi.internal.client;

import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Level;
import java.util.logging.Logger;

import dev.rediscdi.RedisConnectionException;
import dev.rediscdi.RedisConnectionLostException;
import dev.rediscdi.RedisException;
import dev.rediscdi.RedisMessage;
import dev.rediscdi.Subscription;
import dev.rediscdi.internal.context.OrderedListener;
import io.vertx.core.AsyncResult;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.redis.client.RedisConnection;
import io.vertx.redis.client.Request;
import io.vertx.redis.client.Response;
import io.vertx.redis.client.ResponseType;
import io.vertx.redis.client.impl.types.ErrorType;

/**
 * The client's subscriptions, on one dedicated connection to one node ({@link SubscriptionConnector}). The driver
 * never subscribes again after a reconnection; this class does: when the connection closes it tells the listeners,
 * reconnects with a growing delay, subscribes to every channel, pattern and shard channel again and, once Redis
 * confirmed, tells them again.
 */
final class PubSubConnection implements FollowsPrimary {
    private static final Logger LOG = Logger.getLogger(PubSubConnection.class.getName());

    /** Hears of the shard channels that Redis no longer serves on this connection's node. */
    interface ShardEvictions {
        /**
         * Redis ended {@code channel} here by itself (its slot moved to another node, or the node became a replica of
         * another shard) or refused it with {@code MOVED}: this connection has forgotten {@code subscribers}, without
         * stopping their listeners, and it is the receiver's to subscribe them elsewhere. {@code movedTo} is the node
         * ({@code host:port}) that a {@code MOVED} named, or {@code null}.
         */
        void evicted(String channel, List<ActiveSubscription> subscribers, Throwable cause, String movedTo);
    }

    private final SubscriptionConnector connector;
    private final Vertx vertx;
    /** The subscription connection lives on an event loop of its own, never on a subscriber's context. */
    private final Context context;
    private final Failures failures;
    private final String clientLabel;
    private final Duration firstDelay;
    private final Duration maxDelay;
    /** Who moves evicted shard channels; {@code null}: they are subscribed again on this connection. */
    private final ShardEvictions evictions;

    // all guarded by this
    private final Map<TopicKind, Map<String, List<ActiveSubscription>>> registries = new EnumMap<>(TopicKind.class);
    /** Topics (by {@link #confirmationKey}) whose subscription Redis has not confirmed yet, and who waits for it. */
    private final Map<String, List<CompletableFuture<Void>>> unconfirmed = new HashMap<>();
    /** Topics Redis confirmed on the current connection. */
    private final Set<String> confirmed = new HashSet<>();
    /**
     * Unsubscriptions whose UNSUBSCRIBE goes to the current connection and is not written yet. The driver completes a
     * pub/sub command's future once it is written, and never when the write fails (the connection is closing): those
     * complete when the connection is lost, since Redis then holds none of its subscriptions.
     */
    private final List<CompletableFuture<Void>> unsubscribing = new ArrayList<>();
    private RedisConnection connection;
    private SubscriptionHeartbeat heartbeat;
    private Future<RedisConnection> connecting;
    private Duration nextDelay;
    private boolean reconnectScheduled;
    private boolean closed;

    PubSubConnection(SubscriptionConnector connector, Vertx vertx, Context context, Failures failures, String clientLabel, Duration firstDelay,
            Duration maxDelay, ShardEvictions evictions) {
        this.connector = connector;
        this.vertx = vertx;
        this.context = context;
        this.failures = failures;
        this.clientLabel = clientLabel;
        this.firstDelay = firstDelay;
        this.maxDelay = maxDelay;
        this.nextDelay = firstDelay;
        this.evictions = evictions;
        for (TopicKind kind : TopicKind.values()) {
            registries.put(kind, new HashMap<>());
        }
    }

    /**
     * Subscribes {@code listener}; the stage completes once Redis confirmed every topic.
     *
     * @param keep what happens when Redis cannot be reached or does not confirm in time: {@code false}, the stage
     *        fails and the subscription is forgotten; {@code true}, the stage fails but the subscription stays, and
     *        is made on the next connection (opened with the reconnection back-off), as after a lost connection
     */
    CompletionStage<Subscription> subscribe(OrderedListener listener, String[] topics, TopicKind kind, boolean keep) {
        return subscribe(listener, topics, kind, keep, false).confirmed();
    }

    /** A subscription just made, and its stage. */
    record Made(ActiveSubscription subscription, CompletionStage<Subscription> confirmed) {
    }

    /**
     * As {@link #subscribe(OrderedListener, String[], TopicKind, boolean)}; a {@code resumed} subscription is one
     * resumed here after Redis ended it elsewhere, whose listener was told {@code onConnectionLost}: it hears
     * {@code onResubscribed} once this node confirmed.
     */
    Made subscribe(OrderedListener listener, String[] topics, TopicKind kind, boolean keep, boolean resumed) {
        checkTopics(topics, kind);
        ActiveSubscription subscription = new ActiveSubscription(this::remove, listener, List.of(topics), kind, keep);
        if (resumed) {
            subscription.resumed();
        }
        List<String> fresh = new ArrayList<>();
        List<CompletableFuture<Void>> confirmations = new ArrayList<>();
        synchronized (this) {
            if (closed) {
                throw new IllegalStateException(clientLabel + ": the client is closed");
            }
            Map<String, List<ActiveSubscription>> registry = registries.get(kind);
            for (String topic : new LinkedHashSet<>(subscription.topics())) {
                String key = confirmationKey(kind, topic);
                if (!confirmed.contains(key)) {
                    // a topic whose SUBSCRIBE is on its way already waits for that one's confirmation (or failure)
                    if (!unconfirmed.containsKey(key)) {
                        fresh.add(topic);
                    }
                    confirmations.add(awaitConfirmation(key));
                }
                registry.computeIfAbsent(topic, t -> new CopyOnWriteArrayList<>()).add(subscription);
            }
            if (confirmations.isEmpty()) {
                subscription.listening();
            }
        }
        if (confirmations.isEmpty()) {
            return new Made(subscription, CompletableFuture.completedFuture(subscription));
        }
        CompletableFuture<Subscription> result = new CompletableFuture<>();
        if (!fresh.isEmpty()) {
            context.runOnContext(onLoop -> connect().onComplete(opened -> {
                if (opened.failed()) {
                    unconfirmable(kind, fresh, failures.notSent(opened.cause()));
                    return;
                }
                for (Future<Response> sent : subscribeStillWanted(opened.result(), kind, fresh)) {
                    sent.onFailure(error -> unconfirmable(kind, fresh, failures.translate(error, null, true)));
                }
            }));
        }
        long deadline = vertx.setTimer(failures.timeout().toMillis(), id -> {
            List<CompletableFuture<Void>> late = confirmations;
            late.forEach(confirmation -> confirmation.completeExceptionally(failures.timedOut(kind.subscribe(List.of(topics)).get(0))));
        });
        CompletableFuture.allOf(confirmations.toArray(CompletableFuture[]::new))
                .whenComplete((ok, error) -> {
                    vertx.cancelTimer(deadline);
                    if (error == null) { // confirmed() made it listening, unless its connection was lost since
                        result.complete(subscription);
                    } else {
                        failed(subscription, result, error instanceof java.util.concurrent.CompletionException ? error.getCause() : error);
                    }
                });
        return new Made(subscription, result);
    }

    /**
     * Sends the subscribe commands for those of {@code topics} that a subscription still wants, and only those. A
     * subscription may be dropped before its command leaves, while its connection opens (it failed with the connection
     * it was made on, or at its deadline): subscribed in Redis anyway, its topics would stay there with nothing to
     * unsubscribe them, and Redis would send their messages for as long as the connection lives. Sent under the lock
     * that {@link #forget} takes: an unsubscribe command for a topic dropped later leaves after this one.
     */
    private synchronized List<Future<Response>> subscribeStillWanted(RedisConnection connection, TopicKind kind, List<String> topics) {
        Map<String, List<ActiveSubscription>> registry = registries.get(kind);
        List<String> wanted = topics.stream().filter(registry::containsKey).toList();
        List<Future<Response>> sent = new ArrayList<>();
        if (!wanted.isEmpty()) {
            kind.subscribe(wanted).forEach(request -> sent.add(connection.send(request)));
        }
        return sent;
    }

    static void checkTopics(String[] topics, TopicKind kind) {
        if (topics == null || topics.length == 0) {
            throw new IllegalArgumentException("no " + kind.noun + " given: name at least one");
        }
        for (String topic : topics) {
            if (topic == null || topic.isEmpty()) {
                throw new IllegalArgumentException("a " + kind.noun + " is null or empty: name it");
            }
        }
    }

    /** The SUBSCRIBE for {@code topics} never reached Redis: whoever waits for its confirmation fails. */
    private void unconfirmable(TopicKind kind, List<String> topics, Throwable error) {
        List<CompletableFuture<Void>> waiting = new ArrayList<>();
        synchronized (this) {
            for (String topic : topics) {
                List<CompletableFuture<Void>> each = unconfirmed.remove(confirmationKey(kind, topic));
                if (each != null) {
                    waiting.addAll(each);
                }
            }
        }
        waiting.forEach(confirmation -> confirmation.completeExceptionally(error));
    }

    /** The subscription could not be made now: forgotten, or kept for the next connection. */
    private void failed(ActiveSubscription subscription, CompletableFuture<Subscription> result, Throwable error) {
        if (subscription.keep()) {
            synchronized (this) {
                // else confirmed just after its deadline (Redis delivers to it), or the client closed: no listener hears of that
                if (!closed && !allConfirmed(subscription)) {
                    subscription.deaf(error);
                }
            }
            scheduleReconnect();
        } else {
            remove(subscription);
        }
        result.completeExceptionally(error);
    }

    CompletionStage<Void> remove(ActiveSubscription subscription) {
        subscription.listener().stop(); // before anything else: messages already read must not reach it either
        return forget(subscription);
    }

    /**
     * Removes {@code subscription} without stopping its listener: the messages this connection read for it before
     * still reach it (a shard channel that moves to another node).
     */
    CompletionStage<Void> forget(ActiveSubscription subscription) {
        List<String> gone = new ArrayList<>();
        List<CompletableFuture<Void>> unneeded = new ArrayList<>();
        CompletableFuture<Void> written = new CompletableFuture<>();
        RedisConnection current;
        TopicKind kind = subscription.kind();
        synchronized (this) {
            Map<String, List<ActiveSubscription>> registry = registries.get(kind);
            for (String topic : subscription.topics()) {
                List<ActiveSubscription> listeners = registry.get(topic);
                if (listeners != null && listeners.remove(subscription) && listeners.isEmpty()) {
                    registry.remove(topic);
                    gone.add(topic);
                    String key = confirmationKey(kind, topic);
                    confirmed.remove(key);
                    List<CompletableFuture<Void>> waiting = unconfirmed.remove(key);
                    if (waiting != null) {
                        unneeded.addAll(waiting);
                    }
                }
            }
            current = connection;
            if (!gone.isEmpty() && current != null) {
                unsubscribing.add(written);
            }
        }
        // nobody needs those topics any more: whoever waits for them (a resubscription waiting for every topic it
        // sent, a subscription removed before) goes on
        unneeded.forEach(confirmation -> confirmation.complete(null));
        if (gone.isEmpty() || current == null) {
            return CompletableFuture.completedFuture(null);
        }
        written.whenComplete((done, never) -> {
            synchronized (this) {
                unsubscribing.remove(written);
            }
        });
        List<Future<Response>> sent = new ArrayList<>();
        for (Request unsubscribe : kind.unsubscribe(gone)) {
            sent.add(current.send(unsubscribe));
        }
        // refused unwritten ("Connection is closed"): the connection is gone, and its subscriptions with it
        Future.join(sent).onComplete(all -> written.complete(null));
        return written;
    }

    // guarded by this
    private boolean allConfirmed(ActiveSubscription subscription) {
        for (String topic : subscription.topics()) {
            if (!confirmed.contains(confirmationKey(subscription.kind(), topic))) {
                return false;
            }
        }
        return true;
    }

    private static String confirmationKey(TopicKind kind, String topic) {
        return kind.ordinal() + ":" + topic;
    }

    // guarded by this
    private CompletableFuture<Void> awaitConfirmation(String key) {
        CompletableFuture<Void> confirmation = new CompletableFuture<>();
        unconfirmed.computeIfAbsent(key, k -> new ArrayList<>()).add(confirmation);
        return confirmation;
    }

    /**
     * The connection, opened if there is none. Opening it has the client's timeout as deadline: a server that
     * accepts the socket but answers nothing (a frozen primary) would otherwise hold every later attempt.
     */
    private synchronized Future<RedisConnection> connect() {
        if (connection != null) {
            return Future.succeededFuture(connection);
        }
        Future<RedisConnection> started = connecting;
        if (started == null) {
            started = BoundedConnect.within(vertx, failures.timeout().toMillis(), connector.connect());
            connecting = started;
            // on an event loop the attempt may complete at once: opened() then runs now and clears the field
            Future<RedisConnection> thisAttempt = started;
            started.onComplete(result -> opened(thisAttempt, result));
        }
        return started;
    }

    private void opened(Future<RedisConnection> attempt, AsyncResult<RedisConnection> result) {
        synchronized (this) {
            if (connecting == attempt) {
                connecting = null;
            }
            if (result.succeeded()) {
                RedisConnection opened = result.result();
                if (closed) {
                    opened.close();
                    return;
                }
                SubscriptionHeartbeat watch = SubscriptionHeartbeat.watch(vertx, opened, failures.timeout(), () -> lost(opened,
                        new RedisConnectionLostException(clientLabel + ": the subscription connection answered nothing within "
                                + failures.timeout().toMillis() + " ms of a PING; closed it as dead", null)));
                opened.handler(frame -> {
                    watch.heard();
                    received(frame);
                });
                opened.exceptionHandler(error -> {
                    if (!(error instanceof IllegalStateException)) {
                        lost(opened, error);
                    }
                });
                opened.endHandler(end -> lost(opened, new RedisConnectionException(clientLabel + ": subscription connection closed", null)));
                connection = opened;
                heartbeat = watch;
                nextDelay = firstDelay;
            }
        }
    }

    private void received(Response message) {
        if (message instanceof ErrorType refusal) { // the subscribe commands' errors come here: the driver waits for no reply
            refused(refusal);
            return;
        }
        if (message == null || (message.type() != ResponseType.MULTI && message.type() != ResponseType.PUSH) || message.size() < 3) {
            return; // PING's reply (a "pong" array on RESP2, PONG on RESP3) carries nothing to deliver
        }
        String frame = message.get(0).toString();
        if (message.get(1) == null) {
            return; // an unsubscribe confirmation naming no topic: nothing was subscribed
        }
        String topic = message.get(1).toString();
        switch (frame) {
            case "message" -> deliver(TopicKind.CHANNEL, topic, new RedisMessage(topic, null, bytes(message.get(2))));
            case "smessage" -> deliver(TopicKind.SHARD, topic, new RedisMessage(topic, null, bytes(message.get(2)), true));
            case "pmessage" -> {
                if (message.size() >= 4) {
                    deliver(TopicKind.PATTERN, topic, new RedisMessage(message.get(2).toString(), topic, bytes(message.get(3))));
                }
            }
            case "subscribe" -> confirmed(TopicKind.CHANNEL, topic);
            case "psubscribe" -> confirmed(TopicKind.PATTERN, topic);
            case "ssubscribe" -> confirmed(TopicKind.SHARD, topic);
            case "sunsubscribe" -> shardEnded(topic);
            default -> {
                // unsubscribe confirmations and anything else carry nothing to deliver
            }
        }
    }

    /**
     * A {@code sunsubscribe} frame: the confirmation of an SUNSUBSCRIBE this connection sent for a channel nobody
     * listens to any more, or Redis ending a shard channel that is still wanted (on a cluster its slot moved, or this
     * node became a replica of another shard): that one is subscribed again, where it now lives. A channel unsubscribed
     * and subscribed again just before its confirmation came is taken for the second case: subscribed again, its
     * listeners hear of a short gap that was none.
     */
    private void shardEnded(String channel) {
        String key = confirmationKey(TopicKind.SHARD, channel);
        RedisException cause = new RedisConnectionException(clientLabel + ": Redis ended the subscription to shard channel " + channel
                + " (its slot moved to another node, or this node became a replica of another shard); subscribing again where it lives now", null);
        List<ActiveSubscription> subscribers;
        RedisConnection current;
        synchronized (this) {
            List<ActiveSubscription> listening = registries.get(TopicKind.SHARD).get(channel);
            if (listening == null || !confirmed.contains(key)) {
                return;
            }
            confirmed.remove(key);
            subscribers = List.copyOf(listening);
            current = connection;
            if (evictions != null) {
                registries.get(TopicKind.SHARD).remove(channel);
            } else {
                subscribers.forEach(subscription -> subscription.deaf(cause));
            }
        }
        LOG.log(Level.INFO, () -> cause.getMessage());
        if (evictions != null) {
            evictions.evicted(channel, subscribers, cause, null);
        } else if (current != null) {
            // one node only (standalone, Sentinel, replication): the channel lives here still
            TopicKind.SHARD.subscribe(List.of(channel)).forEach(current::send);
        }
    }

    /**
     * An error reply: to a subscribe command (the heartbeat's PING has none). A {@code MOVED} to an SSUBSCRIBE names
     * the node that serves the slot: the shard channels of that slot not confirmed here are moved there.
     */
    private void refused(ErrorType refusal) {
        if (!refusal.is("MOVED") || evictions == null) {
            LOG.log(Level.FINE, () -> clientLabel + ": Redis refused a subscription: " + refusal.getMessage());
            return;
        }
        int slot;
        try {
            slot = Integer.parseInt(refusal.slice(' ', 1));
        } catch (NumberFormatException | NullPointerException e) {
            LOG.log(Level.FINE, () -> clientLabel + ": unreadable MOVED reply: " + refusal.getMessage());
            return;
        }
        String movedTo = refusal.slice(' ', 2);
        RedisException cause = failures.translate(refusal, TopicKind.SHARD.subscribe(List.of("-")).get(0), true);
        Map<String, List<ActiveSubscription>> moved = new HashMap<>();
        List<CompletableFuture<Void>> waiting = new ArrayList<>();
        synchronized (this) {
            Map<String, List<ActiveSubscription>> shards = registries.get(TopicKind.SHARD);
            for (String channel : List.copyOf(shards.keySet())) {
                String key = confirmationKey(TopicKind.SHARD, channel);
                if (TopicKind.slot(channel) == slot && !confirmed.contains(key)) {
                    moved.put(channel, List.copyOf(shards.remove(channel)));
                    List<CompletableFuture<Void>> each = unconfirmed.remove(key);
                    if (each != null) {
                        waiting.addAll(each);
                    }
                }
            }
        }
        waiting.forEach(confirmation -> confirmation.completeExceptionally(cause));
        moved.forEach((channel, subscribers) -> evictions.evicted(channel, subscribers, cause, movedTo));
    }

    private static byte[] bytes(Response payload) {
        return payload == null ? new byte[0] : payload.toBytes();
    }

    private void deliver(TopicKind kind, String topic, RedisMessage message) {
        List<ActiveSubscription> listeners;
        synchronized (this) {
            listeners = registries.get(kind).get(topic);
        }
        if (listeners == null) {
            return;
        }
        for (ActiveSubscription subscription : listeners) {
            try {
                subscription.listener().onMessage(message);
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, clientLabel + ": a subscription listener failed on a message from " + topic, e);
            }
        }
    }

    private void confirmed(TopicKind kind, String topic) {
        String key = confirmationKey(kind, topic);
        List<CompletableFuture<Void>> waiting;
        RedisConnection unwanted = null;
        synchronized (this) {
            waiting = unconfirmed.remove(key);
            List<ActiveSubscription> subscribers = registries.get(kind).get(topic);
            if (subscribers == null) {
                // nobody wants it any more, and its unsubscribe may have found no connection to go on: undone here,
                // before any later subscription to it (decided under this lock, sent on this event loop first)
                unwanted = connection;
            } else { // not one unsubscribed meanwhile
                confirmed.add(key);
                // Redis confirms the topics of a SUBSCRIBE before it delivers anything else: a subscription hears that
                // it listens (again) before its first message, decided under this lock, in order with lost()
                for (ActiveSubscription subscription : subscribers) {
                    if (allConfirmed(subscription)) {
                        subscription.listening();
                    }
                }
            }
        }
        if (unwanted != null) {
            for (Request unsubscribe : kind.unsubscribe(List.of(topic))) {
                unwanted.send(unsubscribe);
            }
        }
        if (waiting != null) {
            waiting.forEach(confirmation -> confirmation.complete(null));
        }
    }

    /**
     * Moves the subscriptions to {@code primary} ({@code host:port}) when their connection is open on another node, as
     * {@link SentinelPrimaryWatch} asks: an old primary that still runs relays nothing the new one publishes until
     * Sentinel turns it into a replica. The listeners hear of the move as of a lost connection, and of the
     * resubscription once the primary confirmed it. Returns whether it moved them.
     */
    @Override
    public boolean closeUnlessOn(String primary) {
        RedisConnection current;
        synchronized (this) {
            current = connection;
        }
        String node = OffPrimary.node(current, primary);
        if (node == null) {
            return false;
        }
        LOG.log(Level.WARNING, () -> clientLabel + ": the subscription connection is open on " + node + ", but the Sentinels name "
                + primary + " as the primary; closing it and subscribing again");
        // subscribed, the driver's connection is tainted: its close() closes the socket rather than pool it
        lost(current, new RedisConnectionException(clientLabel + ": the subscription connection was open on " + node
                + ", but the Sentinels name " + primary + " as the primary", null));
        return true;
    }

    private void lost(RedisConnection lostConnection, Throwable cause) {
        List<CompletableFuture<Void>> unsubscribed;
        List<CompletableFuture<Void>> neverConfirmed = new ArrayList<>();
        synchronized (this) {
            if (connection != lostConnection) {
                return;
            }
            connection = null;
            heartbeat.stop();
            lostConnection.close();
            Set<ActiveSubscription> affected = new LinkedHashSet<>();
            registries.values().forEach(registry -> registry.values().forEach(affected::addAll));
            affected.forEach(subscription -> subscription.deaf(cause));
            unconfirmed.values().forEach(neverConfirmed::addAll);
            unconfirmed.clear();
            confirmed.clear();
            unsubscribed = takeUnsubscribing();
        }
        // Failed once the state above is whole, outside the lock: a subscription that fails with its confirmation is
        // removed at once, on this thread, and would change the maps while they were walked.
        neverConfirmed.forEach(confirmation -> confirmation.completeExceptionally(failures.connectionLost("SUBSCRIBE", cause, true)));
        unsubscribed.forEach(unsubscription -> unsubscription.complete(null));
        LOG.log(Level.INFO, () -> clientLabel + ": subscription connection lost (" + cause.getMessage() + "); reconnecting");
        connector.lost(lostConnection);
        scheduleReconnect();
    }

    // guarded by this
    private List<CompletableFuture<Void>> takeUnsubscribing() {
        List<CompletableFuture<Void>> taken = new ArrayList<>(unsubscribing);
        unsubscribing.clear();
        return taken;
    }

    private void scheduleReconnect() {
        long delay;
        synchronized (this) {
            if (closed || reconnectScheduled || registries.values().stream().allMatch(Map::isEmpty)) {
                return;
            }
            reconnectScheduled = true;
            delay = Math.max(1, nextDelay.toMillis());
            Duration doubled = nextDelay.multipliedBy(2);
            nextDelay = doubled.compareTo(maxDelay) > 0 ? maxDelay : doubled;
        }
        vertx.setTimer(delay, id -> context.runOnContext(onLoop -> resubscribe()));
    }

    private void resubscribe() {
        synchronized (this) {
            reconnectScheduled = false;
            if (closed) {
                return;
            }
        }
        connect().onComplete(opened -> {
            if (opened.failed()) {
                LOG.log(Level.FINE, () -> clientLabel + ": reconnection failed: " + opened.cause());
                scheduleReconnect();
                return;
            }
            RedisConnection reopened = opened.result();
            List<Future<Response>> sent = new ArrayList<>();
            List<CompletableFuture<Void>> confirmations = new ArrayList<>();
            // sent under the lock that read the topics: an unsubscribe command for one dropped just after leaves after them
            synchronized (this) {
                registries.forEach((kind, registry) -> {
                    if (!registry.isEmpty()) {
                        List<String> topics = new ArrayList<>(registry.keySet());
                        // each subscription hears onResubscribed once all its topics are confirmed (see confirmed())
                        topics.forEach(topic -> confirmations.add(awaitConfirmation(confirmationKey(kind, topic))));
                        kind.subscribe(topics).forEach(request -> sent.add(reopened.send(request)));
                    }
                });
            }
            sent.forEach(each -> each.onFailure(error -> notResubscribed(reopened, error)));
            CompletableFuture.allOf(confirmations.toArray(CompletableFuture[]::new))
                    .thenRun(() -> LOG.log(Level.INFO, () -> clientLabel + ": subscriptions restored"));
        });
    }

    /** A resubscription could not be written: the connection closed meanwhile (or had just died when handed out). */
    private void notResubscribed(RedisConnection reopened, Throwable error) {
        if (error instanceof ErrorType refusal) { // refused by Redis (an ACL changed meanwhile): reconnecting would not help
            LOG.log(Level.WARNING, () -> clientLabel + ": Redis refused to subscribe again: " + refusal.getMessage());
        } else {
            lost(reopened, error);
        }
    }

    /**
     * Closes the connection. Subscriptions whose confirmation has not come fail now: their deadline is a timer of the
     * client's Vert.x, which may stop with the client, and the confirmation will never come.
     */
    void close() {
        RedisConnection current;
        List<CompletableFuture<Void>> unsubscribed;
        List<CompletableFuture<Void>> neverConfirmed = new ArrayList<>();
        synchronized (this) {
            closed = true;
            unsubscribed = takeUnsubscribing();
            current = connection;
            connection = null;
            if (heartbeat != null) {
                heartbeat.stop();
            }
            registries.values().forEach(Map::clear);
            confirmed.clear();
            unconfirmed.values().forEach(neverConfirmed::addAll);
            unconfirmed.clear();
        }
        neverConfirmed.forEach(confirmation -> confirmation.completeExceptionally(
                failures.connectionLost("SUBSCRIBE", new IllegalStateException("the client is closed"), true)));
        unsubscribed.forEach(unsubscription -> unsubscription.complete(null));
        if (current != null) {
            current.close();
        }
        connector.close();
    }
}
