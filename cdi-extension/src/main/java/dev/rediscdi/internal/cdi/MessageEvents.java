package dev.rediscdi.internal.cdi;

import java.lang.annotation.Annotation;
import java.util.logging.Level;
import java.util.logging.Logger;

import jakarta.enterprise.event.Event;
import jakarta.enterprise.inject.Default;

import dev.rediscdi.NamedRedisClient;
import dev.rediscdi.RedisMessage;
import dev.rediscdi.SubscriptionListener;
import dev.rediscdi.internal.client.DefaultRedisClient;
import dev.rediscdi.internal.config.ClientConfig;
import dev.rediscdi.internal.context.Continuations;

/**
 * Fires the messages of a client's {@code events.channels} and {@code events.patterns} as CDI events. Observers run
 * on a worker thread, one message after the other in the order Redis delivered them, with the application's class
 * loader: a slow observer delays later messages, never the client's event loops.
 */
final class MessageEvents implements SubscriptionListener {
    private static final Logger LOG = Logger.getLogger(MessageEvents.class.getName());
    private final Event<RedisMessage> events;
    private final ClassLoader applicationLoader;
    private final String label;

    private MessageEvents(Event<RedisMessage> events, ClassLoader applicationLoader, String label) {
        this.events = events;
        this.applicationLoader = applicationLoader;
        this.label = label;
    }

    /**
     * Subscribes {@code client} as its configuration asks, if it asks: channels and patterns share one ordered
     * listener, so that their messages too reach observers one at a time.
     */
    static void subscribe(String name, ClientConfig config, DefaultRedisClient client, Continuations continuations, Event<Object> container) {
        if (config.eventChannels().isEmpty() && config.eventPatterns().isEmpty()) {
            return;
        }
        Annotation qualifier = name.equals(RedisClients.DEFAULT) ? Default.Literal.INSTANCE : NamedRedisClient.Literal.of(name);
        SubscriptionListener listener = continuations.ordered(new MessageEvents(container.select(RedisMessage.class, qualifier),
                Thread.currentThread().getContextClassLoader(), config.prefix()));
        if (!config.eventChannels().isEmpty()) {
            client.subscribeForLife(listener, false, config.eventChannels().toArray(String[]::new)).whenComplete((subscription, failure) ->
                    reportFailure(config, "channels " + config.eventChannels(), failure));
        }
        if (!config.eventPatterns().isEmpty()) {
            client.subscribeForLife(listener, true, config.eventPatterns().toArray(String[]::new)).whenComplete((subscription, failure) ->
                    reportFailure(config, "patterns " + config.eventPatterns(), failure));
        }
    }

    private static void reportFailure(ClientConfig config, String what, Throwable failure) {
        if (failure != null) {
            LOG.log(Level.WARNING, config.prefix() + ": the first subscription to " + what
                    + " failed; the client keeps trying and fires their messages once Redis answers", failure);
        }
    }

    @Override
    public void onMessage(RedisMessage message) {
        fire(message); // called one message at a time, in order, off the event loop: see subscribe
    }

    private void fire(RedisMessage message) {
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(applicationLoader);
        try {
            events.fire(message);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, label + ": an observer of " + message + " failed", e);
        } finally {
            thread.setContextClassLoader(previous);
        }
    }
}
