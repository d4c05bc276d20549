package dev.rediscdi.internal.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import dev.rediscdi.RedisMessage;
import dev.rediscdi.SubscriptionListener;
import dev.rediscdi.internal.context.Continuations;
import io.vertx.core.Vertx;

/** A subscription's listener hears of each gap once and of its end once, in alternation, whatever happens in between. */
class ActiveSubscriptionTest {
    private final Vertx vertx = Vertx.vertx();
    private final Continuations continuations = Continuations.of(vertx, null);
    private final BlockingQueue<String> heard = new LinkedBlockingQueue<>();

    @AfterEach
    void close() throws Exception {
        continuations.close();
        vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    @Test
    void shouldTellEachGapOnceHoweverManyConnectionsAreLostBeforeItEnds() throws Exception {
        ActiveSubscription subscription = subscription(false);
        subscription.listening(); // confirmed when made: nothing to tell
        subscription.deaf(new IllegalStateException("first loss"));
        subscription.deaf(new IllegalStateException("lost again before the resubscription was confirmed"));
        subscription.listening();
        subscription.listening(); // a second resubscription confirming the same topics
        subscription.deaf(new IllegalStateException("a later loss"));

        assertThat(next(4)).containsExactly("lost: first loss", "resubscribed", "lost: a later loss");
    }

    @Test
    void shouldTellASubscriptionThatStaysWhileRedisIsDownOfTheGapAndOfItsEnd() throws Exception {
        ActiveSubscription kept = subscription(true);
        kept.deaf(new IllegalStateException("connection refused"));
        kept.deaf(new IllegalStateException("refused again"));
        kept.listening();

        assertThat(next(3)).containsExactly("lost: connection refused", "resubscribed");
    }

    @Test
    void shouldTellNothingToASubscriptionBeingMadeWhoseStageSaysItFailed() throws Exception {
        ActiveSubscription forgotten = subscription(false);
        forgotten.deaf(new IllegalStateException("lost while being made"));
        ActiveSubscription confirmedByAResubscription = subscription(false);
        confirmedByAResubscription.listening();

        assertThat(next(1)).isEmpty();
    }

    private ActiveSubscription subscription(boolean keep) {
        SubscriptionListener listener = new SubscriptionListener() {
            @Override
            public void onMessage(RedisMessage message) {
                heard.add("message");
            }

            @Override
            public void onConnectionLost(Throwable cause) {
                heard.add("lost: " + cause.getMessage());
            }

            @Override
            public void onResubscribed() {
                heard.add("resubscribed");
            }
        };
        return new ActiveSubscription(s -> CompletableFuture.completedFuture(null), continuations.ordered(listener, "test subscription"), List.of("news"), TopicKind.CHANNEL, keep);
    }

    /** What the listener heard: up to {@code max} calls, waiting at most 500 ms for each (its calls are queued). */
    private List<String> next(int max) throws InterruptedException {
        List<String> calls = new ArrayList<>();
        for (int i = 0; i < max; i++) {
            String call = heard.poll(500, TimeUnit.MILLISECONDS);
            if (call == null) {
                break;
            }
            calls.add(call);
        }
        return calls;
    }
}
