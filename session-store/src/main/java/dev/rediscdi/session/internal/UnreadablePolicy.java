package dev.rediscdi.session.internal;

/** What happens to a session whose attribute no longer decodes (class not allowed, changed or gone). */
enum UnreadablePolicy {
    /** The attribute is removed from the session, with a warning; the rest of the session stays. */
    DROP,
    /** The whole session is invalidated, with a warning; the request continues without it. */
    INVALIDATE
}
