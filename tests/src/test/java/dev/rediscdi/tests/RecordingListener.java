package dev.rediscdi.tests;

import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;

import dev.rediscdi.RedisMessage;
import dev.rediscdi.SubscriptionListener;

/** A subscription listener that keeps the messages it gets, and counts down when told of a loss and a resubscription. */
public final class RecordingListener implements SubscriptionListener {
    public final BlockingQueue<RedisMessage> messages = new LinkedBlockingQueue<>();
    public final CountDownLatch lost = new CountDownLatch(1);
    public final CountDownLatch resubscribed = new CountDownLatch(1);

    @Override
    public void onMessage(RedisMessage message) {
        messages.add(message);
    }

    @Override
    public void onConnectionLost(Throwable cause) {
        lost.countDown();
    }

    @Override
    public void onResubscribed() {
        resubscribed.countDown();
    }
}
