package dev.rediscdi.sample.quarkus.notifications;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import dev.rediscdi.RedisClient;
import dev.rediscdi.RedisMessage;
import dev.rediscdi.ReplyType;
import dev.rediscdi.Subscription;
import dev.rediscdi.SubscriptionListener;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.operators.multi.processors.BroadcastProcessor;
import io.vertx.core.Vertx;

/**
 * One subscription per application instance to the {@value #CHANNEL} channel, fanned out to every browser
 * connected to the server-sent event stream: a message published by any instance reaches the browsers of all.
 * The client subscribes again by itself after a Redis restart; if Redis is not there when the application starts,
 * this class tries again, waiting twice as long each time (up to {@value #MAX_DELAY_MS} ms).
 */
@ApplicationScoped
public class NotificationHub {

    public static final String CHANNEL = "notifications";
    private static final Logger LOG = Logger.getLogger(NotificationHub.class);
    private static final long FIRST_DELAY_MS = 250;
    private static final long MAX_DELAY_MS = 10_000;

    private final BroadcastProcessor<String> browsers = BroadcastProcessor.create();
    private final CompletableFuture<Subscription> subscribed = new CompletableFuture<>();
    private volatile boolean closed;

    @Inject
    RedisClient redis;

    @Inject
    Vertx vertx;

    void subscribe(@Observes StartupEvent started) {
        subscribe(FIRST_DELAY_MS);
    }

    /** Completes once the subscription is in place: from then on every published message is delivered. */
    public CompletionStage<Subscription> subscribed() {
        return subscribed;
    }

    /** Every message from now on. */
    public Multi<String> messages() {
        return browsers;
    }

    /** Publishes to every instance's browsers; answers how many instances received it. */
    public CompletionStage<Long> publish(String message) {
        return redis.execute(ReplyType.LONG, "PUBLISH", CHANNEL, message);
    }

    private void subscribe(long retryDelayMs) {
        redis.subscribe(new Listener(), CHANNEL).whenComplete((subscription, failure) -> {
            if (failure == null) {
                subscribed.complete(subscription);
            } else if (!closed) {
                LOG.warnf("Cannot subscribe to %s yet (%s): trying again in %d ms", CHANNEL, failure.toString(), retryDelayMs);
                vertx.setTimer(retryDelayMs, id -> subscribe(Math.min(retryDelayMs * 2, MAX_DELAY_MS)));
            }
        });
    }

    @PreDestroy
    void unsubscribe() {
        closed = true;
        browsers.onComplete();
        subscribed.thenAccept(Subscription::unsubscribe);
    }

    private final class Listener implements SubscriptionListener {
        @Override
        public void onMessage(RedisMessage message) {
            browsers.onNext(message.payloadAsString());
        }

        @Override
        public void onConnectionLost(Throwable cause) {
            LOG.warnf("Notifications paused: the subscription lost its connection (%s); messages published meanwhile are lost", cause.toString());
        }

        @Override
        public void onResubscribed() {
            LOG.info("Notifications resumed: subscribed again to " + CHANNEL);
        }
    }
}
