package dev.rediscdi.session.internal;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Collection;
import java.util.List;
import java.util.Locale;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Reads the session id from the request's cookie and writes the cookie for a new or rotated id.
 *
 * <p>The cookie is written as a {@code Set-Cookie} header of the store's own making rather than through
 * {@link HttpServletResponse#addCookie}: Undertow's conversion of a servlet {@link Cookie} drops attributes it
 * has no field for ({@code Cookie.setAttribute("SameSite", ...)}), so {@code SameSite} would be lost there. Every
 * part of the header is checked first (name and domain by the settings reader, the id here, the path here), so
 * the header can never carry a separator or a line break.
 */
final class SessionCookies {
    static final String SET_COOKIE = "Set-Cookie";
    /** RFC 6265's sane-cookie-date (RFC 1123 with a two-digit day), always in GMT. */
    private static final DateTimeFormatter EXPIRES = DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.ROOT)
            .withZone(ZoneOffset.UTC);

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

    /** Adds the cookie to the response; one written earlier in the same response (before {@code changeSessionId}) is replaced. */
    static void write(HttpServletRequest request, HttpServletResponse response, CookieSettings settings, String id) {
        put(response, settings, header(settings, request.getContextPath(), id, System.currentTimeMillis()));
    }

    /**
     * Adds a cookie that makes the browser drop the session cookie (an invalidated session), replacing one written
     * earlier in the same response: the browser stops sending an id that can only cost a Redis round trip.
     */
    static void expire(HttpServletRequest request, HttpServletResponse response, CookieSettings settings) {
        put(response, settings, expiredHeader(settings, request.getContextPath()));
    }

    private static void put(HttpServletResponse response, CookieSettings settings, String header) {
        String ours = settings.name() + "=";
        Collection<String> existing = response.getHeaders(SET_COOKIE);
        if (existing.stream().noneMatch(value -> value.startsWith(ours))) {
            response.addHeader(SET_COOKIE, header);
            return;
        }
        List<String> others = existing.stream().filter(value -> !value.startsWith(ours)).toList();
        response.setHeader(SET_COOKIE, header);
        others.forEach(value -> response.addHeader(SET_COOKIE, value));
    }

    /** The {@code Set-Cookie} value for a session id, with every attribute the settings ask for. */
    static String header(CookieSettings settings, String contextPath, String id, long nowMillis) {
        if (!SessionIds.isWellFormed(id)) {
            throw new IllegalArgumentException("not a session id of this store: a cookie is written for well-formed ids only");
        }
        return cookie(settings, contextPath, id, settings.maxAge(), nowMillis);
    }

    /** The {@code Set-Cookie} value that ends the session cookie: no value, {@code Max-Age=0}, every other attribute as {@link #header}. */
    static String expiredHeader(CookieSettings settings, String contextPath) {
        return cookie(settings, contextPath, "", 0, 0);
    }

    private static String cookie(CookieSettings settings, String contextPath, String value, int maxAge, long nowMillis) {
        String path = settings.path().orElse(contextPath == null || contextPath.isEmpty() ? "/" : contextPath);
        if (!isCookiePath(path)) {
            throw new IllegalStateException("The context path \"" + path + "\" cannot be a cookie path (a cookie path starts with / and holds"
                    + " no space, ; or control character): set " + SettingKey.COOKIE_PATH.key() + " to a path such as /");
        }
        StringBuilder header = new StringBuilder(128).append(settings.name()).append('=').append(value).append("; Path=").append(path);
        settings.domain().ifPresent(domain -> header.append("; Domain=").append(domain));
        if (maxAge >= 0) {
            header.append("; Max-Age=").append(maxAge).append("; Expires=").append(EXPIRES.format(Instant.ofEpochSecond(nowMillis / 1000 + maxAge)));
        }
        if (settings.secure()) {
            header.append("; Secure");
        }
        if (settings.httpOnly()) {
            header.append("; HttpOnly");
        }
        return header.append("; SameSite=").append(settings.sameSite()).toString();
    }

    /** RFC 6265's path-value, starting with a slash. */
    static boolean isCookiePath(String path) {
        return path.startsWith("/") && path.chars().allMatch(c -> c > 0x20 && c < 0x7f && c != ';');
    }
}
