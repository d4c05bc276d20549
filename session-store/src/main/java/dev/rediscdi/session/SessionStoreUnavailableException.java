package dev.rediscdi.session;

/**
 * Redis could not load or save the session. Thrown from {@code HttpServletRequest.getSession()} and friends;
 * the store's filter answers the request with {@code redis-session.unavailable-status} (503 by default) when
 * the application lets it through and the response is not yet committed.
 */
public class SessionStoreUnavailableException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public SessionStoreUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
