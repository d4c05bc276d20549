package dev.rediscdi.session.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import dev.rediscdi.RedisClient;
import dev.rediscdi.RedisReplyException;
import dev.rediscdi.session.SessionStoreUnavailableException;
import io.vertx.redis.client.Response;
import io.vertx.redis.client.ResponseType;

/**
 * The store's Redis calls, each one round trip: a script ({@code session.lua}) sent by its SHA, and sent whole
 * only when Redis does not know it yet (after a restart or on a new cluster node). A load is answered from
 * {@link SessionCache} when it holds a valid copy: no round trip at all.
 */
final class SessionRepository {
    private static final String SCRIPT = readScript();
    private static final String SHA = sha1(SCRIPT);

    private final RedisClient redis;
    private final SessionKeys keys;
    private final long touchMillis;
    private final long graceMillis;
    private final long absoluteMillis;
    private final SessionCache cache;
    private final Duration awaitLimit;
    private final WriteMarks marks;

    /**
     * @param marks the markers of this instance's writes (see {@link SessionCache}); {@link WriteMarks#NONE} where no
     *        instance caches sessions (a topology the cache does not support)
     */
    SessionRepository(RedisClient redis, SessionSettings settings, SessionCache cache, Duration clientTimeout, WriteMarks marks) {
        this.redis = redis;
        this.marks = marks;
        this.awaitLimit = clientTimeout.multipliedBy(2).plusSeconds(5);
        this.cache = cache;
        this.keys = new SessionKeys(settings.keyPrefix());
        this.touchMillis = settings.touchInterval().toMillis();
        this.graceMillis = settings.expiryGrace().toMillis();
        this.absoluteMillis = settings.absoluteTimeout().toMillis();
    }

    /** The live session with this id, touched if its last touch is older than the touch interval; {@code null} if none. */
    StoredSession load(String id) {
        String key = keys.session(id);
        return cache.readThrough(key, keepable -> read(id, key, keepable));
    }

    private SessionCache.Read read(String id, String key, boolean keepable) {
        Response reply = await(script(List.of(key), "load", marks.next(), touchMillis, graceMillis), "load");
        if (reply == null) {
            return null;
        }
        StoredSession loaded = SessionFields.decode(id, reply.get(1).toLong(), reply.get(2));
        if (!keepable || loaded == null) {
            return SessionCache.Read.notKept(loaded);
        }
        // the copy's last access is the one Redis now holds (touched or not); its bytes and shared values are the same
        StoredSession copy = new StoredSession(id, loaded.created(), SessionFields.number(reply.get(2), SessionFields.ACCESSED),
                loaded.maxInactiveSeconds(), loaded.attributes(), loaded.decodedImmutables());
        return new SessionCache.Read(loaded, copy, cacheableMillis(reply.get(0).toLong(), loaded.maxInactiveSeconds(), reply.get(2)));
    }

    /**
     * How long a copy may answer for Redis: until the script would touch the session again (so that caching never
     * moves its expiry), and never past its deadline.
     */
    private long cacheableMillis(long serverNow, int maxInactiveSeconds, Response fields) {
        long touch = maxInactiveSeconds > 0 ? Math.min(touchMillis, maxInactiveSeconds * 100L) : touchMillis;
        long untilTouch = SessionFields.number(fields, SessionFields.ACCESSED) + touch - serverNow;
        long untilDeadline = SessionFields.number(fields, SessionFields.DEADLINE) - serverNow;
        return Math.min(untilTouch, untilDeadline);
    }

    /**
     * Writes one request's changes atomically.
     *
     * @return 1 written; 0 the session no longer exists (invalidated or expired meanwhile): nothing written;
     *         -1 the id is taken (a new session must draw another id)
     */
    long save(SessionChanges changes) {
        String mark = marks.next();
        // no copy of the session may answer while it changes, nor be kept from a read that ran before the change
        SessionCache.PendingWrite pending = changes.previousId() == null && !mark.isEmpty() ? cache.beginWrite(keys.session(changes.id()), mark) : null;
        if (pending == null) {
            forget(changes.id(), changes.previousId());
        }
        boolean kept = false;
        try {
            Response reply = write(changes, mark, pending != null);
            if (reply.type() != ResponseType.MULTI) {
                return reply.toLong();
            }
            // the session as this write left it: the next request on this instance needs no read
            Response fields = reply.get(2);
            StoredSession written = SessionFields.decode(changes.id(), SessionFields.number(fields, SessionFields.ACCESSED), fields);
            if (written != null) {
                written.shareValuesOf(changes.base(), changes.set(), changes.immutableValues());
                cache.written(pending, written, cacheableMillis(reply.get(1).toLong(), written.maxInactiveSeconds(), fields));
                kept = true;
            }
            return reply.get(0).toLong();
        } finally {
            if (!kept) {
                forget(changes.id(), changes.previousId());
            }
        }
    }

    private void forget(String id, String previousId) {
        cache.invalidate(keys.session(id));
        if (previousId != null) {
            cache.invalidate(keys.session(previousId));
        }
    }

    private Response write(SessionChanges changes, String mark, boolean wantsFields) {
        List<Object> keyList = new ArrayList<>(List.of(keys.session(changes.id()), keys.index(changes.id())));
        if (changes.previousId() != null) {
            keyList.add(keys.session(changes.previousId()));
        }
        List<Object> args = new ArrayList<>(List.of("save", mark, wantsFields ? "fields" : "", touchMillis, graceMillis, changes.isNew() ? "new" : "existing",
                changes.id(), changes.created(), changes.maxInactiveSeconds() == null ? "" : changes.maxInactiveSeconds(), absoluteMillis,
                changes.previousId() == null ? "" : changes.previousId(), changes.set().size()));
        for (Map.Entry<String, byte[]> entry : changes.set().entrySet()) {
            args.add(SessionFields.attribute(entry.getKey()));
            args.add(entry.getValue());
        }
        for (String name : changes.removed()) {
            args.add(SessionFields.attribute(name));
        }
        return await(script(keyList, args.toArray()), "save");
    }

    /** Deletes the session and its index entry; whether it existed. */
    boolean delete(String id) {
        forget(id, null);
        try {
            return deleteInRedis(id);
        } finally {
            forget(id, null);
        }
    }

    private boolean deleteInRedis(String id) {
        return await(script(List.of(keys.session(id), keys.index(id)), "delete", marks.next(), id), "invalidate").toLong() == 1;
    }

    /** Claims up to {@code max} sessions of a shard whose deadline passed; each is returned to one caller only. */
    CompletionStage<List<StoredSession>> sweep(char shard, int max) {
        return script(List.of(keys.index(shard)), "sweep", marks.next(), keys.sessionPrefix(shard), max).thenApply(reply -> {
            List<StoredSession> expired = new ArrayList<>();
            for (int i = 0; reply != null && i + 1 < reply.size(); i += 2) {
                String id = reply.get(i).toString();
                cache.invalidate(keys.session(id));
                StoredSession session = SessionFields.decode(id, 0, reply.get(i + 1));
                expired.add(session != null ? session : new StoredSession(id, 0, 0, 0, Map.of()));
            }
            return expired;
        });
    }

    private CompletionStage<Response> script(List<Object> keyList, Object... args) {
        Object[] evalsha = arguments(SHA, keyList, args);
        return redis.send("EVALSHA", evalsha).handle((reply, error) -> {
            if (error == null) {
                return CompletableFuture.completedStage(reply);
            }
            Throwable cause = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
            if (cause instanceof RedisReplyException refused && "NOSCRIPT".equals(refused.code())) {
                return redis.send("EVAL", arguments(SCRIPT, keyList, args));
            }
            return CompletableFuture.<Response>failedStage(cause);
        }).thenCompose(stage -> stage);
    }

    private static Object[] arguments(String script, List<Object> keyList, Object[] args) {
        Object[] all = new Object[2 + keyList.size() + args.length];
        all[0] = script;
        all[1] = keyList.size();
        for (int i = 0; i < keyList.size(); i++) {
            all[2 + i] = keyList.get(i);
        }
        System.arraycopy(args, 0, all, 2 + keyList.size(), args.length);
        return all;
    }

    private Response await(CompletionStage<Response> stage, String what) {
        try {
            // the client's own deadline (redis.<client>.timeout, and its retries) bounds this wait; the store adds its
            // own bound so that a request thread can never wait forever, whatever happens below
            return stage.toCompletableFuture().get(awaitLimit.toNanos(), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            throw new SessionStoreUnavailableException("the session store got no answer from Redis within " + awaitLimit.toMillis()
                    + " ms (" + what + "), twice the client's timeout plus its retries: the client did not time out by itself", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SessionStoreUnavailableException("interrupted while the session store was waiting for Redis (" + what + ")", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause() != null ? e.getCause() : e;
            throw new SessionStoreUnavailableException("the session store could not " + what + " a session: " + cause.getMessage(), cause);
        }
    }

    private static String readScript() {
        try (InputStream in = SessionRepository.class.getResourceAsStream("session.lua")) {
            if (in == null) {
                throw new IllegalStateException("session.lua is missing from the session store jar");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read session.lua", e);
        }
    }

    private static String sha1(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-1 is missing from this JVM", e);
        }
    }
}
