package dev.rediscdi.session.internal;

import java.io.IOException;

/**
 * A value a codec could write but the store could never read back: of a class outside
 * {@code redis-session.serialization.allow}, or larger than {@code redis-session.serialization.max-bytes}. The
 * message says which setting refuses it and how to store the value; it never holds the value itself.
 */
final class UnreadableValueException extends IOException {
    private static final long serialVersionUID = 1L;

    private UnreadableValueException(String message) {
        super(message);
    }

    static UnreadableValueException notAllowed(String className) {
        return new UnreadableValueException("it holds a " + className + ", a class " + SettingKey.ALLOW.key()
                + " does not list, so it could never be read back. Fix: add the class, its package (a.b.*) or its package tree (a.b.**) to "
                + SettingKey.ALLOW.key() + ", or store values of allowed classes");
    }

    static UnreadableValueException tooLarge(long maxBytes) {
        return new UnreadableValueException("it encodes to more than " + maxBytes + " bytes, over " + SettingKey.MAX_BYTES.key() + "=" + maxBytes
                + ", so it could never be read back. Fix: keep less in the session (an id, and the data elsewhere), or raise "
                + SettingKey.MAX_BYTES.key());
    }
}
