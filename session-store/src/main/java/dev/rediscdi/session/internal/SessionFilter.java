package dev.rediscdi.session.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.logging.Logger;

import jakarta.servlet.AsyncEvent;
import jakarta.servlet.AsyncListener;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import dev.rediscdi.session.SessionStoreUnavailableException;

/**
 * Wraps each request so that its sessions are Redis sessions, and writes the changes back before the response
 * is committed. When Redis cannot be reached the request ends with {@code unavailable-status}, and nothing of
 * its session is written.
 */
final class SessionFilter extends HttpFilter {
    private static final long serialVersionUID = 1L;
    private static final Logger LOG = Logger.getLogger(SessionFilter.class.getName());
    private static final String ACTIVE = SessionFilter.class.getName() + ".active";

    private final transient SessionStore store;

    SessionFilter(SessionStore store) {
        this.store = store;
    }

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain) throws IOException, ServletException {
        if (request.getAttribute(ACTIVE) != null) { // a forward or include inside a request this filter already wraps
            chain.doFilter(request, response);
            return;
        }
        RequestSession sessions = new RequestSession(store, request, response);
        SessionRequest wrappedRequest = new SessionRequest(request, sessions, () -> saveAtAsyncEnd(sessions, response));
        SessionResponse wrappedResponse = new SessionResponse(response, sessions::save, sessions::writeCookieAgain);
        wrappedRequest.respondWith(wrappedResponse);
        request.setAttribute(ACTIVE, Boolean.TRUE);
        AutoCloseable cdiScope = null;
        try {
            cdiScope = store.weld().map(weld -> weld.bind(wrappedRequest, sessions)).orElse(null);
            chain.doFilter(wrappedRequest, wrappedResponse);
            if (request.isAsyncStarted()) {
                request.getAsyncContext().addListener(new SaveOnComplete(sessions));
            } else {
                sessions.save();
            }
        } catch (IOException | ServletException | RuntimeException e) {
            SessionStoreUnavailableException unavailable = unavailable(e);
            if (unavailable == null) {
                saveAfterFailure(sessions, request, e);
                throw e;
            }
            respondUnavailable(response, unavailable);
        } finally {
            request.removeAttribute(ACTIVE);
            try {
                if (!request.isAsyncStarted()) {
                    sessions.end(); // while the CDI scope is bound: the beans of a session that ends are destroyed
                }
            } finally {
                close(cdiScope);
            }
        }
    }

    /**
     * The application failed: what it changed is written all the same, as a container keeps the changes of a failed
     * request in its own sessions (and the response may carry the cookie of an id changed before the failure).
     */
    private static void saveAfterFailure(RequestSession sessions, HttpServletRequest request, Exception failure) {
        if (request.isAsyncStarted()) {
            return; // the asynchronous work may still change the session: it is written when that work ends
        }
        try {
            sessions.save();
        } catch (RuntimeException notSaved) {
            failure.addSuppressed(notSaved);
        }
    }

    /** Before an asynchronous request completes or dispatches: Redis unavailable answers the configured status. */
    private void saveAtAsyncEnd(RequestSession sessions, HttpServletResponse response) {
        try {
            sessions.save();
        } catch (SessionStoreUnavailableException unavailable) {
            try {
                respondUnavailable(response, unavailable);
            } catch (IOException e) {
                unavailable.addSuppressed(e);
                throw unavailable;
            }
        }
    }

    private void respondUnavailable(HttpServletResponse response, SessionStoreUnavailableException unavailable) throws IOException {
        LOG.warning("Session store unavailable, request answered with " + store.settings().unavailableStatus() + ": " + unavailable.getMessage());
        if (response.isCommitted()) {
            throw unavailable;
        }
        response.reset();
        response.setStatus(store.settings().unavailableStatus());
        response.setContentType("text/plain;charset=UTF-8");
        response.getOutputStream().write("Session store unavailable, please retry.\n".getBytes(StandardCharsets.UTF_8));
    }

    private static SessionStoreUnavailableException unavailable(Throwable error) {
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            if (cause instanceof SessionStoreUnavailableException unavailable) {
                return unavailable;
            }
            if (cause.getCause() == cause) {
                break;
            }
        }
        return null;
    }

    private static void close(AutoCloseable scope) throws ServletException {
        if (scope == null) {
            return;
        }
        try {
            scope.close();
        } catch (Exception e) {
            throw new ServletException("could not end the CDI session scope of the request", e);
        }
    }

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain) throws IOException, ServletException {
        if (request instanceof HttpServletRequest http && response instanceof HttpServletResponse httpResponse) {
            doFilter(http, httpResponse, chain);
        } else {
            chain.doFilter(request, response);
        }
    }

    /**
     * An asynchronous request whose application never called {@code complete()} (a timeout, an error) writes its
     * session when the container completes it; a second save writes nothing when {@code complete()} already saved.
     */
    private record SaveOnComplete(RequestSession sessions) implements AsyncListener {
        @Override
        public void onComplete(AsyncEvent event) {
            try {
                sessions.save();
            } finally {
                sessions.end();
            }
        }

        @Override
        public void onTimeout(AsyncEvent event) {
            // onComplete follows
        }

        @Override
        public void onError(AsyncEvent event) {
            // onComplete follows
        }

        @Override
        public void onStartAsync(AsyncEvent event) {
            event.getAsyncContext().addListener(this);
        }
    }
}
