package dev.rediscdi.session.internal;

/**
 * One attribute of a session in a request: the bytes Redis holds (null for one set in this request), the
 * value once decoded, and what the request did with it.
 */
final class Attribute {
    byte[] stored;
    Object value;
    boolean decoded;
    /** Given to setAttribute in this request: written back. */
    boolean set;
    /** Read in this request: written back if its bytes changed (mutated in place). */
    boolean read;

    static Attribute stored(byte[] bytes) {
        Attribute attribute = new Attribute();
        attribute.stored = bytes;
        return attribute;
    }

    static Attribute set(Object value) {
        Attribute attribute = new Attribute();
        attribute.value = value;
        attribute.decoded = true;
        attribute.set = true;
        return attribute;
    }
}
