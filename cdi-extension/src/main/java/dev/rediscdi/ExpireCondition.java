package dev.rediscdi;

/** When {@code EXPIRE} and its variants apply (Redis 7.0+). */
public enum ExpireCondition {
    /** Only if the key has no time to live. */
    NX,
    /** Only if the key has a time to live. */
    XX,
    /** Only if the new expiry is later than the current one (no time to live counts as infinite). */
    GT,
    /** Only if the new expiry is earlier than the current one. */
    LT
}
