package dev.rediscdi.session.internal;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;

import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.Redis;
import io.vertx.redis.client.RedisConnection;
import io.vertx.redis.client.RedisOptions;
import io.vertx.redis.client.Request;
import io.vertx.redis.client.Response;
import io.vertx.redis.client.ResponseType;

/**
 * Keeps {@link SessionCache} honest. One dedicated RESP3 connection asks Redis for {@code CLIENT TRACKING ON BCAST
 * PREFIX <prefix>s:}: Redis then pushes the name of every session key that changes, whoever changed it, and the
 * cache drops its copy. The driver has no client-side caching of its own, and it may hand a push frame to a
 * command waiting for its reply on the same connection, so this connection sends nothing once tracking is on.
 * Broadcast mode lets the reads themselves go through the application's ordinary client. A message also names the
 * markers of the store's writes it covers ({@code <session key>!<token>}): they tell an instance's own write from the
 * others (see {@link SessionCache}).
 * When the connection closes, invalidations may have been lost: the cache is emptied and stays closed until a new
 * connection tracks again (reconnecting with a growing delay).
 *
 * <p>The connection lives on a Vert.x instance of its own with one event loop: the public client does not hand out
 * its Vert.x, and a loop of its own delivers invalidations however busy the client's loops are.
 */
final class InvalidationListener {
    static final String CONNECTION_NAME = "redis-session-invalidations";
    private static final Logger LOG = Logger.getLogger(InvalidationListener.class.getName());
    private static final long FIRST_DELAY_MILLIS = 100;
    private static final long MAX_DELAY_MILLIS = 5_000;

    private final SessionCache cache;
    private final String trackedPrefix;
    private final RedisOptions options;
    private final String label;
    // guarded by this
    private Vertx vertx;
    /** The driver client of the current attempt: closing it closes its socket (a pooled connection's close() would not). */
    private Redis redis;
    private RedisConnection connection;
    private long delayMillis = FIRST_DELAY_MILLIS;
    private boolean started;
    private boolean stopped;
    private boolean lostLogged;

    /**
     * @param options the options of the client that stores the sessions (credentials included; never logged)
     * @param label the client's configuration prefix, for log messages
     */
    InvalidationListener(SessionCache cache, String trackedPrefix, RedisOptions options, String label) {
        this.cache = cache;
        this.trackedPrefix = trackedPrefix;
        this.options = new RedisOptions(options).setMaxPoolSize(1).setMaxPoolWaiting(1);
        this.label = label;
    }

    /** Opens the connection; the cache opens once Redis confirmed tracking. */
    synchronized void start() {
        if (started || stopped) {
            return;
        }
        started = true;
        vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(1).setWorkerPoolSize(1).setInternalBlockingPoolSize(1));
        vertx.runOnContext(begin -> connect());
    }

    synchronized void stop() {
        stopped = true;
        cache.close();
        if (redis != null) {
            redis.close();
        }
        if (vertx != null) {
            vertx.close();
        }
    }

    private synchronized void connect() {
        if (stopped) {
            return;
        }
        Redis client = Redis.createClient(vertx, options);
        redis = client;
        client.connect().onComplete(opened -> {
            if (opened.failed()) {
                client.close();
                retryLater(opened.cause());
                return;
            }
            RedisConnection current = opened.result();
            synchronized (this) {
                if (stopped) {
                    client.close();
                    return;
                }
                connection = current;
            }
            current.handler(this::onPush);
            current.endHandler(end -> lost(client, current, null));
            current.exceptionHandler(error -> lost(client, current, error));
            current.send(Request.cmd(Command.HELLO).arg(3))
                    .compose(hello -> current.send(Request.cmd(Command.CLIENT).arg("SETNAME").arg(CONNECTION_NAME)))
                    .compose(named -> current.send(Request.cmd(Command.CLIENT).arg("TRACKING").arg("ON").arg("BCAST")
                            .arg("PREFIX").arg(trackedPrefix)))
                    .onComplete(tracking -> tracking(client, current, tracking.succeeded() ? null : tracking.cause()));
        });
    }

    private void tracking(Redis client, RedisConnection current, Throwable failure) {
        synchronized (this) {
            if (connection != current || stopped) {
                return;
            }
            if (failure == null) {
                delayMillis = FIRST_DELAY_MILLIS;
                if (lostLogged) {
                    LOG.info(() -> "Session cache (" + label + "): tracking again, sessions are cached again");
                }
                lostLogged = false;
                cache.open();
                return;
            }
            connection = null;
        }
        client.close();
        if (failure instanceof Response refused) { // an error reply, not a lost connection
            // Redis before 6 (no RESP3, no tracking), or an ACL that forbids CLIENT: not worth retrying
            LOG.warning("Session cache (" + label + ") is off: Redis refused client-side caching (" + refused
                    + "); every request reads its session from Redis. Set redis-session.local-cache=off to silence this.");
            return;
        }
        retryLater(failure);
    }

    private void onPush(Response push) {
        if (push == null || push.type() != ResponseType.PUSH || push.size() < 2 || !"invalidate".equals(push.get(0).toString())) {
            return;
        }
        Response keys = push.get(1);
        if (keys == null || keys.type() != ResponseType.MULTI) {
            cache.invalidateAll(); // FLUSHDB or FLUSHALL (a nil list of keys)
            return;
        }
        Map<String, Set<String>> writes = new HashMap<>();
        for (Response key : keys) {
            String name = key.toString();
            // <session key>!<token>: the marker of one write of the store (session ids never hold a '!')
            int marker = name.startsWith(trackedPrefix) ? name.indexOf('!', trackedPrefix.length()) : -1;
            if (marker < 0) {
                writes.computeIfAbsent(name, unmarked -> new HashSet<>());
            } else {
                writes.computeIfAbsent(name.substring(0, marker), marked -> new HashSet<>()).add(name.substring(marker + 1));
            }
        }
        writes.forEach(cache::invalidate);
    }

    /** The connection closed or failed: whatever Redis announced since may be lost, so every copy goes. */
    private void lost(Redis client, RedisConnection current, Throwable error) {
        synchronized (this) {
            if (connection != current) {
                return;
            }
            connection = null;
        }
        cache.close();
        client.close();
        retryLater(error);
    }

    private synchronized void retryLater(Throwable error) {
        cache.close();
        if (stopped) {
            return;
        }
        if (!lostLogged) {
            lostLogged = true;
            LOG.log(Level.WARNING, "Session cache (" + label + "): no invalidation connection to Redis" + (error == null ? "" : " (" + error.getMessage() + ")")
                    + "; sessions are read from Redis on every request until it is back");
        }
        long delay = delayMillis;
        delayMillis = Math.min(delayMillis * 2, MAX_DELAY_MILLIS);
        vertx.setTimer(delay, timer -> connect());
    }
}
