package dev.rediscdi.internal.cdi;

import java.lang.annotation.Annotation;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

import jakarta.enterprise.event.Event;
import jakarta.enterprise.inject.Default;

import dev.rediscdi.NamedRedisClient;
import dev.rediscdi.RedisMessage;
import dev.rediscdi.SubscriptionChange;
import dev.rediscdi.SubscriptionListener;
import dev.rediscdi.internal.client.DefaultRedisClient;
import dev.rediscdi.internal.config.ClientConfig;
import dev.rediscdi.internal.context.Continuations;
import dev.rediscdi.internal.context.OrderedListener;

/**
 * Fires the messages of a client's {@code events.channels}, {@code events.patterns} or {@code events.shard-channels}
 * as CDI events, and what happens to their subscription as {@link SubscriptionChange} events. Observers run on a
 * listener thread, one event after the other in the order Redis delivered them (the channels', the patterns' and the
 * shard channels' events share one line), with the application's class loader: a slow observer delays later events,
 * never the client's event loops.
 */
final class MessageEvents implements SubscriptionListener {
    private static final Logger LOG = Logger.getLogger(MessageEvents.class.getName());
    private final Event<Object> events;
    private final ClassLoader applicationLoader;
    private final String label;
    private final List<String> topics;
    private final boolean patterns;
    private final boolean sharded;

    private MessageEvents(Event<Object> events, ClassLoader applicationLoader, String label, List<String> topics, boolean patterns,
            boolean sharded) {
        this.events = events;
        this.applicationLoader = applicationLoader;
        this.label = label;
        this.topics = topics;
        this.patterns = patterns;
        this.sharded = sharded;
    }

    /**
     * Subscribes {@code client} as its configuration asks, if it asks. A name among both the channels and the shard
     * channels is subscribed as both: Redis keeps the two apart, and each fires the messages published its way.
     */
    static void subscribe(String name, ClientConfig config, DefaultRedisClient client, Continuations continuations, Event<Object> container) {
        if (!config.firesEvents()) {
            return;
        }
        Annotation qualifier = name.equals(RedisClients.DEFAULT) ? Default.Literal.INSTANCE : NamedRedisClient.Literal.of(name);
        Event<Object> events = container.select(qualifier);
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        String label = config.prefix();
        OrderedListener channels = continuations.ordered(new MessageEvents(events, loader, label, config.eventChannels(), false, false),
                lineLabel(label, "events.channels", config.eventChannels()));
        OrderedListener patterns = channels.alongside(new MessageEvents(events, loader, label, config.eventPatterns(), true, false),
                lineLabel(label, "events.patterns", config.eventPatterns()));
        OrderedListener shardChannels = channels.alongside(new MessageEvents(events, loader, label, config.eventShardChannels(), false, true),
                lineLabel(label, "events.shard-channels", config.eventShardChannels()));
        if (!config.eventChannels().isEmpty()) {
            client.subscribeForLife(channels, false, config.eventChannels().toArray(String[]::new)).whenComplete((subscription, failure) ->
                    reportFailure(config, "channels " + config.eventChannels(), failure));
        }
        if (!config.eventPatterns().isEmpty()) {
            client.subscribeForLife(patterns, true, config.eventPatterns().toArray(String[]::new)).whenComplete((subscription, failure) ->
                    reportFailure(config, "patterns " + config.eventPatterns(), failure));
        }
        if (!config.eventShardChannels().isEmpty()) {
            client.ssubscribeForLife(shardChannels, config.eventShardChannels().toArray(String[]::new)).whenComplete((subscription, failure) ->
                    reportFailure(config, "shard channels " + config.eventShardChannels(), failure));
        }
    }

    /** Names the client and what it fires in what the observers and the log are told of dropped messages. */
    private static String lineLabel(String prefix, String key, List<String> topics) {
        return "Redis client '" + prefix + "', " + key + " " + topics;
    }

    private static void reportFailure(ClientConfig config, String what, Throwable failure) {
        if (failure != null) {
            LOG.log(Level.WARNING, config.prefix() + ": the first subscription to " + what
                    + " failed; the client keeps trying and fires their messages once Redis answers", failure);
        }
    }

    @Override
    public void onMessage(RedisMessage message) {
        fire(message);
    }

    @Override
    public void onConnectionLost(Throwable cause) {
        fire(new SubscriptionChange(SubscriptionChange.Status.LOST, topics, patterns, sharded, cause));
    }

    @Override
    public void onResubscribed() {
        fire(new SubscriptionChange(SubscriptionChange.Status.RESUBSCRIBED, topics, patterns, sharded, null));
    }

    private void fire(Object event) {
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(applicationLoader);
        try {
            events.fire(event);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, label + ": an observer of " + event + " failed", e);
        } finally {
            thread.setContextClassLoader(previous);
        }
    }
}
