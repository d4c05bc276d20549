package dev.rediscdi.session.internal;

import java.io.IOException;
import java.io.InvalidClassException;
import java.nio.charset.StandardCharsets;

import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.JsonbException;

import dev.rediscdi.session.SessionCodec;

/**
 * JSON-B: each value is stored as its class name, a line break and its JSON. Only allow-listed classes are
 * created, and only those are written; the runtime's JSON-B implementation (Yasson on most servers) does the mapping.
 */
final class JsonbCodec implements SessionCodec, ReadBackCheck {
    private final Jsonb jsonb = JsonbBuilder.create();
    private final AllowList allowList;
    private final long maxBytes;

    JsonbCodec(SerializationLimits limits) {
        this.allowList = new AllowList(limits.allow());
        this.maxBytes = limits.maxBytes();
    }

    @Override
    public byte[] encode(Object value) throws IOException {
        String className = value.getClass().getName();
        if (!allowList.allows(className)) { // the check reading applies: a value it would refuse is never written
            throw UnreadableValueException.notAllowed(className);
        }
        byte[] bytes;
        try {
            bytes = (className + "\n" + jsonb.toJson(value)).getBytes(StandardCharsets.UTF_8);
        } catch (JsonbException e) {
            throw new IOException("JSON-B cannot write " + className + ": " + e.getMessage(), e);
        }
        if (bytes.length > maxBytes) {
            throw UnreadableValueException.tooLarge(maxBytes);
        }
        return bytes;
    }

    /** JSON-B writes what it cannot always read back: a class without a no-argument constructor or {@code @JsonbCreator}, say. */
    @Override
    public void checkReadable(byte[] bytes, ClassLoader classLoader) throws UnreadableValueException {
        try {
            decode(bytes, classLoader);
        } catch (IOException | ClassNotFoundException | RuntimeException | LinkageError e) {
            throw UnreadableValueException.readingFails(e.getCause() instanceof JsonbException mapping ? mapping : e);
        }
    }

    @Override
    public Object decode(byte[] bytes, ClassLoader classLoader) throws IOException, ClassNotFoundException {
        if (bytes.length > maxBytes) {
            throw new InvalidClassException("value of " + bytes.length + " bytes exceeds serialization.max-bytes=" + maxBytes);
        }
        String text = new String(bytes, StandardCharsets.UTF_8);
        int newline = text.indexOf('\n');
        if (newline <= 0) {
            throw new IOException("not a value written by the jsonb codec");
        }
        String className = text.substring(0, newline);
        if (!allowList.allows(className)) {
            throw new InvalidClassException(className, "not in redis-session.serialization.allow");
        }
        Class<?> type = Class.forName(className, false, classLoader);
        try {
            return jsonb.fromJson(text.substring(newline + 1), type);
        } catch (JsonbException e) {
            throw new IOException("JSON-B cannot read " + className + ": " + e.getMessage(), e);
        }
    }
}
