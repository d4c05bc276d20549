package dev.rediscdi.session.internal;

import java.io.IOException;

/**
 * A value a codec could write but the store could never read back: of a class outside
 * {@code redis-session.serialization.allow}, larger than {@code redis-session.serialization.max-bytes}, over another
 * reading limit, or whose reading fails. The message says which setting refuses it and how to store the value; it
 * never holds the value itself (nor the message of an exception its reading threw, which may quote it: that is the cause).
 */
final class UnreadableValueException extends IOException {
    private static final long serialVersionUID = 1L;

    private UnreadableValueException(String message) {
        super(message);
    }

    private UnreadableValueException(String message, Throwable cause) {
        super(message, cause);
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

    static UnreadableValueException tooDeep(long maxDepth) {
        return new UnreadableValueException("reading it back goes more than " + maxDepth + " objects deep, over " + SettingKey.MAX_DEPTH.key()
                + "=" + maxDepth + ", so it could never be read back. Fix: store a flatter value, or raise " + SettingKey.MAX_DEPTH.key());
    }

    static UnreadableValueException tooManyObjects(long maxReferences) {
        return new UnreadableValueException("reading it back meets more than " + maxReferences + " objects, over " + SettingKey.MAX_REFERENCES.key()
                + "=" + maxReferences + ", so it could never be read back. Fix: keep less in the session (an id, and the data elsewhere), or raise "
                + SettingKey.MAX_REFERENCES.key());
    }

    static UnreadableValueException arrayTooLong(long length, long maxArrayLength) {
        return new UnreadableValueException("reading it back makes an array of " + length + " elements (an array it holds, or the table of a "
                + "collection), over " + SettingKey.MAX_ARRAY_LENGTH.key() + "=" + maxArrayLength + ", so it could never be read back. Fix: keep "
                + "less in the session, or raise " + SettingKey.MAX_ARRAY_LENGTH.key());
    }

    static UnreadableValueException readingFails(Throwable failure) {
        return new UnreadableValueException("reading it back fails with " + failure.getClass().getName() + " (the cause), so it could never be "
                + "read back. Fix: make the class read what it writes (its readObject; for jsonb, a public no-argument constructor or a "
                + "@JsonbCreator), or store another value", failure);
    }
}
