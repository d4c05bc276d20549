package dev.rediscdi.session.internal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpSession;

/** The request the application sees: its sessions are the Redis sessions. */
final class SessionRequest extends HttpServletRequestWrapper {
    private final RequestSession sessions;

    SessionRequest(HttpServletRequest request, RequestSession sessions) {
        super(request);
        this.sessions = sessions;
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
