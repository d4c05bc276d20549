package dev.rediscdi.internal.client;

import java.time.Duration;

import io.vertx.core.Vertx;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.RedisConnection;
import io.vertx.redis.client.Request;
import io.vertx.redis.client.impl.CommandImpl;

/**
 * Watches the subscription connection. A subscribed connection carries nothing while nobody publishes, so a peer
 * gone silent without closing it (a network partition, a frozen primary) would go unnoticed for as long as TCP
 * keeps trying, and the subscription would stay deaf after a failover. Whenever nothing was heard for a
 * {@code timeout}, this sends {@code PING} (allowed in subscribed mode, RESP2 and RESP3); if nothing at all comes
 * back within another {@code timeout}, the connection is taken for dead and {@code silent} runs.
 */
final class SubscriptionHeartbeat {
    /**
     * PING flagged as a pub/sub command: the driver then expects no reply for it and hands the reply to the
     * connection's handler, as it does with subscription frames. A plain PING would wait for the next frame in
     * line, which on RESP2 may be a published message: the message would be lost as PING's reply.
     */
    private static final Command PING = new CommandImpl("ping", -1, null, true, false);

    private final Vertx vertx;
    private final RedisConnection connection;
    private final long timeoutNanos;
    private final Runnable silent;
    private final long timer;
    private volatile long lastHeardNanos = System.nanoTime();
    /** When the unanswered PING was sent; 0 when none is. Only the timer's event loop touches it. */
    private long pingSentNanos;

    private SubscriptionHeartbeat(Vertx vertx, RedisConnection connection, Duration timeout, Runnable silent) {
        this.vertx = vertx;
        this.connection = connection;
        this.timeoutNanos = timeout.toNanos();
        this.silent = silent;
        long checkEvery = Math.max(10, timeout.toMillis() / 4);
        this.timer = vertx.setPeriodic(checkEvery, id -> check());
    }

    /** Starts watching {@code connection}; {@link #heard()} must be called on every frame it reads. */
    static SubscriptionHeartbeat watch(Vertx vertx, RedisConnection connection, Duration timeout, Runnable silent) {
        return new SubscriptionHeartbeat(vertx, connection, timeout, silent);
    }

    void heard() {
        lastHeardNanos = System.nanoTime();
    }

    void stop() {
        vertx.cancelTimer(timer);
    }

    private void check() {
        long now = System.nanoTime();
        long heardAt = lastHeardNanos;
        if (pingSentNanos != 0 && heardAt - pingSentNanos >= 0) {
            pingSentNanos = 0; // answered, or something else proved the connection alive
        }
        if (pingSentNanos != 0) {
            if (now - pingSentNanos >= timeoutNanos) {
                stop();
                silent.run();
            }
        } else if (now - heardAt >= timeoutNanos) {
            pingSentNanos = now;
            connection.send(Request.cmd(PING));
        }
    }
}
