package dev.rediscdi.session.internal;

import java.util.logging.Level;
import java.util.logging.Logger;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The session state of one request: the id its cookie asked for, the session once loaded (lazily, at most one
 * round trip), and the write at the end (at most one round trip, only if something changed).
 */
final class RequestSession {
    private static final Logger LOG = Logger.getLogger(RequestSession.class.getName());

    private final SessionStore store;
    private final HttpServletRequest request;
    private final HttpServletResponse response;
    private final String requestedId;
    private boolean loaded;
    private boolean requestedIdValid;
    /** Whether this response carries a cookie of the store (a session created or its id changed). */
    private boolean cookieWritten;
    /** Whether this response carries the cookie that ends the session cookie (the session was invalidated, none created since). */
    private boolean cookieExpired;
    private RedisHttpSession session;
    private Runnable invalidationHook = () -> {
    };
    /** The request ends a session created in it that could not be stored: no cookie is written for it. */
    private boolean endingUnstored;

    RequestSession(SessionStore store, HttpServletRequest request, HttpServletResponse response) {
        this.store = store;
        this.request = request;
        this.response = response;
        this.requestedId = SessionCookies.requestedId(request, store.settings().cookie());
    }

    synchronized RedisHttpSession get(boolean create) {
        if (session != null && session.isValid()) {
            return session;
        }
        if (!loaded) {
            load();
        }
        if ((session == null || !session.isValid()) && create) {
            session = RedisHttpSession.create(store, store.ids().next(), this::invalidated);
            SessionCookies.write(request, response, store.settings().cookie(), session.getId());
            cookieWritten = true;
            cookieExpired = false;
            store.listeners().created(session);
        }
        return session != null && session.isValid() ? session : null;
    }

    synchronized String changeId() {
        RedisHttpSession current = get(false);
        if (current == null) {
            throw new IllegalStateException("changeSessionId: the request has no session");
        }
        current.changeId(store.ids().rotate(current.getId()));
        SessionCookies.write(request, response, store.settings().cookie(), current.getId());
        cookieWritten = true;
        return current.getId();
    }

    /** After the application reset the response: the cookie of a session created or rotated in this request is written again. */
    synchronized void writeCookieAgain() {
        if (cookieWritten && session != null && session.isValid()) {
            SessionCookies.write(request, response, store.settings().cookie(), session.getId());
        } else if (cookieExpired) {
            SessionCookies.expire(request, response, store.settings().cookie());
        }
    }

    /** The session of the request's cookie ended in this request: the browser is told to drop the cookie, if the response still can be. */
    private synchronized void expireCookie() {
        cookieWritten = false;
        if (!response.isCommitted()) {
            SessionCookies.expire(request, response, store.settings().cookie());
            cookieExpired = true;
        }
    }

    String requestedId() {
        return requestedId;
    }

    synchronized boolean isRequestedIdValid() {
        if (requestedId == null) {
            return false;
        }
        if (!loaded) {
            load();
        }
        return requestedIdValid && session != null && session.isValid() && requestedId.equals(session.getId());
    }

    /** Called by the Weld integration: what else must happen when the session is invalidated. */
    synchronized void onInvalidate(Runnable hook) {
        this.invalidationHook = hook;
    }

    /** Writes the request's changes; safe to call again (the second call writes only what changed since). */
    void save() {
        RedisHttpSession current;
        synchronized (this) {
            current = session;
        }
        if (current == null || !current.isValid()) {
            return;
        }
        SessionChanges changes = current.takeChanges();
        if (changes != null) {
            write(current, changes);
        }
        current.reportUnsaved(); // a value that could not be stored fails the request, once the rest is written
    }

    private void write(RedisHttpSession current, SessionChanges changes) {
        long result = store.repository().save(changes);
        if (result == 1) {
            current.saved();
        } else if (result == 0) {
            LOG.fine(() -> "Session " + SessionIds.forLog(changes.id()) + " was invalidated or expired meanwhile: changes not written");
        } else {
            // 192 random bits collided: never seen, but never overwrite another session
            throw new IllegalStateException("session id collision: the new session was not stored");
        }
    }

    /**
     * When the request is over: a session created in it that was never stored (Redis failed, the request answered
     * with an error) can never be found again, so it ends here, as a container's session ends when it is invalidated
     * or times out: {@code sessionDestroyed}, its {@code @SessionScoped} beans, its attributes unbound. It pairs the
     * {@code sessionCreated} its creation fired; nothing is written to Redis, and no cookie.
     */
    void end() {
        RedisHttpSession current;
        synchronized (this) {
            current = session;
            if (current == null || !current.isValid() || current.isPersisted()) {
                return;
            }
            endingUnstored = true;
        }
        try {
            current.invalidate();
        } catch (RuntimeException e) { // the request's outcome stays the one already reported
            LOG.log(Level.WARNING, "A session listener failed while ending session " + SessionIds.forLog(current.getId())
                    + ", created by a request that could not store it", e);
        }
    }

    private void load() {
        loaded = true;
        if (requestedId == null) {
            return;
        }
        StoredSession stored = store.repository().load(requestedId);
        if (stored == null) {
            return;
        }
        RedisHttpSession candidate = RedisHttpSession.loaded(store, stored, this::invalidated);
        if (store.settings().onUnreadable() == UnreadablePolicy.INVALIDATE && !candidate.decodesFully()) {
            LOG.warning("Session " + SessionIds.forLog(requestedId) + " holds an attribute that cannot be read: invalidated"
                    + " (redis-session.on-unreadable-attribute=invalidate)");
            store.repository().delete(requestedId);
            expireCookie();
            return;
        }
        requestedIdValid = true;
        session = candidate;
    }

    private void invalidated() {
        RedisHttpSession current = session;
        invalidationHook.run();
        if (current != null && current.isPersisted()) {
            store.repository().delete(current.storedId());
        }
        if (!endingUnstored) {
            expireCookie();
        }
    }
}
