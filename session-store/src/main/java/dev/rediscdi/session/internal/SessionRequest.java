package dev.rediscdi.session.internal;

import jakarta.servlet.AsyncContext;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpSession;

/** The request the application sees: its sessions are the Redis sessions. */
final class SessionRequest extends HttpServletRequestWrapper {
    private final RequestSession sessions;
    private final Runnable saveBeforeAsyncEnd;
    private ServletResponse response;
    private SavingAsyncContext async;

    /**
     * @param saveBeforeAsyncEnd writes the session before an asynchronous request completes or dispatches, and turns
     *        Redis being unavailable into the configured status
     */
    SessionRequest(HttpServletRequest request, RequestSession sessions, Runnable saveBeforeAsyncEnd) {
        super(request);
        this.sessions = sessions;
        this.saveBeforeAsyncEnd = saveBeforeAsyncEnd;
    }

    /** The response the application sees, which an asynchronous context started without arguments carries. */
    void respondWith(ServletResponse wrappedResponse) {
        this.response = wrappedResponse;
    }

    @Override
    public synchronized AsyncContext startAsync() {
        return startAsync(this, response);
    }

    @Override
    public synchronized AsyncContext startAsync(ServletRequest request, ServletResponse response) {
        async = new SavingAsyncContext(super.startAsync(request, response), saveBeforeAsyncEnd);
        return async;
    }

    @Override
    public synchronized AsyncContext getAsyncContext() {
        return async != null ? async : super.getAsyncContext();
    }

    @Override
    public HttpSession getSession(boolean create) {
        return sessions.get(create);
    }

    @Override
    public HttpSession getSession() {
        return sessions.get(true);
    }

    @Override
    public String changeSessionId() {
        return sessions.changeId();
    }

    @Override
    public String getRequestedSessionId() {
        return sessions.requestedId();
    }

    @Override
    public boolean isRequestedSessionIdValid() {
        return sessions.isRequestedIdValid();
    }

    @Override
    public boolean isRequestedSessionIdFromCookie() {
        return sessions.requestedId() != null;
    }

    @Override
    public boolean isRequestedSessionIdFromURL() {
        return false;
    }
}
