package dev.rediscdi.session.internal;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/** Reads the session id from the request's cookie and writes the cookie for a new or rotated id. */
final class SessionCookies {
    private SessionCookies() {
    }

    /** The well-formed session id of the request's cookie, else {@code null}: a malformed value never reaches Redis. */
    static String requestedId(HttpServletRequest request, CookieSettings settings) {
        Cookie[] cookies;
        try {
            cookies = request.getCookies();
        } catch (RuntimeException unparsable) {
            return null;
        }
        if (cookies == null) {
            return null;
        }
        for (Cookie cookie : cookies) {
            if (settings.name().equals(cookie.getName()) && SessionIds.isWellFormed(cookie.getValue())) {
                return cookie.getValue();
            }
        }
        return null;
    }

    static void write(HttpServletRequest request, HttpServletResponse response, CookieSettings settings, String id) {
        Cookie cookie = new Cookie(settings.name(), id);
        cookie.setHttpOnly(settings.httpOnly());
        cookie.setSecure(settings.secure());
        cookie.setPath(settings.path().orElse(request.getContextPath().isEmpty() ? "/" : request.getContextPath()));
        settings.domain().ifPresent(cookie::setDomain);
        cookie.setMaxAge(settings.maxAge());
        cookie.setAttribute("SameSite", settings.sameSite());
        response.addCookie(cookie);
    }
}
