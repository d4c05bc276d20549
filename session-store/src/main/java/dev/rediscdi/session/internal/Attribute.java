package dev.rediscdi.session.internal;

import java.io.IOException;

import jakarta.servlet.http.HttpSessionActivationListener;

import dev.rediscdi.session.SessionCodec;

/**
 * One attribute of a session in a request: the bytes Redis holds (null for one set in this request), the
 * value once decoded, and what the request did with it.
 */
final class Attribute {
    byte[] stored;
    Object value;
    /** The bytes of a value set in this request that cannot change in place: encoded once, not again at the end. */
    byte[] encoded;
    boolean decoded;
    /** Given to setAttribute in this request: written back. */
    boolean set;
    /** Read in this request: written back if its bytes changed (mutated in place). */
    boolean read;

    /** Where the stored bytes came from: shares the decoded value of an immutable attribute with other requests. */
    private StoredSession source;

    static Attribute stored(byte[] bytes, StoredSession source) {
        Attribute attribute = new Attribute();
        attribute.stored = bytes;
        attribute.source = source;
        return attribute;
    }

    /** The value of the stored bytes: shared if another request already decoded these bytes to an immutable value. */
    Object decode(String name, SessionCodec codec, ClassLoader classLoader) throws IOException, ClassNotFoundException {
        if (source != null && source.attributes().get(name) == stored) {
            Object shared = source.sharedValue(name);
            if (shared != null) {
                return shared;
            }
            Object value = codec.decode(stored, classLoader);
            source.share(name, value);
            return value;
        }
        return codec.decode(stored, classLoader);
    }

    /**
     * @param encoded the value's bytes when it was set; written at the end of the request if the value cannot have
     *        changed since (immutable, and not told it is about to be passivated), else {@code null}
     */
    static Attribute set(Object value, byte[] encoded) {
        Attribute attribute = new Attribute();
        attribute.value = value;
        attribute.encoded = ImmutableValues.isImmutable(value) && !(value instanceof HttpSessionActivationListener) ? encoded : null;
        attribute.decoded = true;
        attribute.set = true;
        return attribute;
    }
}
