package dev.rediscdi.session.internal;

/** Which attributes a request writes back. */
enum WritePolicy {
    /** Attributes set or removed, and attributes read whose serialized bytes changed (mutated in place). */
    CHANGED,
    /** Only attributes given to setAttribute or removeAttribute: cheaper, but in-place mutations are lost. */
    SET_ATTRIBUTE
}
