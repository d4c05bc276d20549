package dev.rediscdi.session.internal;

import java.util.Optional;

/** How the session cookie is written; an empty path means the context path. */
record CookieSettings(String name, boolean httpOnly, boolean secure, String sameSite, Optional<String> path,
        Optional<String> domain, int maxAge) {
}
