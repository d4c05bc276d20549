package dev.rediscdi.sample.quarkus.notifications;

import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;

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

/**
 * One subscription per application instance to the {@value #CHANNEL} channel, fanned out to every browser
 * connected to the server-sent event stream. A message published by any instance reaches the browsers of all.
 * The client subscribes again by itself after a Redis restart.
 */
@ApplicationScoped
public class NotificationHub {

    public static final String CHANNEL = "notifications";
    private static final Logger LOG = Logger.getLogger(NotificationHub.class);

    private final BroadcastProcessor<String> browsers = BroadcastProcessor.create();
    private Subscription subscription;

    @Inject
    RedisClient redis;

    void subscribe(@Observes StartupEvent started) throws Exception {
        subscription = redis.subscribe(new SubscriptionListener() {
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
        }, CHANNEL).toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    /** Every message from now on. */
    public Multi<String> messages() {
        return browsers;
    }

    /** Publishes to every instance's browsers; answers how many instances received it. */
    public CompletionStage<Long> publish(String message) {
        return redis.execute(ReplyType.LONG, "PUBLISH", CHANNEL, message);
    }

    @PreDestroy
    void unsubscribe() {
        browsers.onComplete();
        if (subscription != null) {
            subscription.unsubscribe();
        }
    }
}
