package dev.rediscdi.internal.commands;

import dev.rediscdi.RedisCodec;
import dev.rediscdi.RedisDecodeException;
import dev.rediscdi.internal.codec.Codecs;
import dev.rediscdi.internal.codec.WithheldMessage;
import io.vertx.redis.client.Request;
import io.vertx.redis.client.Response;

/** Encodes keys and values with their codecs into requests, and decodes replies with clear errors. */
final class Encoder<T> {
    private final RedisCodec<T> codec;
    private final String what;
    private final String typeName;
    private final String clientLabel;
    private final boolean text;

    Encoder(Codecs codecs, java.lang.reflect.Type type, String what) {
        this.codec = codecs.of(type);
        this.what = what;
        this.typeName = type.getTypeName();
        this.clientLabel = codecs.clientLabel();
        this.text = codecs.isPlainText(type);
    }

    void add(Request request, T value) {
        if (value == null) {
            throw new IllegalArgumentException(name(request) + ": a " + what + " is null; Redis has no null " + what + "s");
        }
        if (text) {
            request.arg((String) value); // the driver writes strings as UTF-8 without an intermediate array
        } else {
            request.arg(encode(value));
        }
    }

    /** The codec's bytes; {@code null} is refused: the driver would send the text "null" in their place. */
    private byte[] encode(T value) {
        byte[] bytes = codec.encode(value);
        if (bytes == null) {
            throw new IllegalStateException(clientLabel + ": the " + codec + " encoded a " + what + " of type " + typeName
                    + " as null, which Redis would store as the text \"null\"; a codec must answer bytes (an empty array for nothing)");
        }
        return bytes;
    }

    @SafeVarargs
    final void addAll(Request request, T... values) {
        if (values == null || values.length == 0) {
            throw new IllegalArgumentException(name(request) + ": give at least one " + what);
        }
        for (T value : values) {
            add(request, value);
        }
    }

    /** As {@link #addAll}, for a command that takes none as well ({@code PFADD key}, {@code PFMERGE destination}). */
    @SafeVarargs
    final void addAny(Request request, T... values) {
        if (values == null) {
            throw new IllegalArgumentException(name(request) + ": the array of " + what + "s is null; give " + what + "s, or none");
        }
        for (T value : values) {
            add(request, value);
        }
    }

    private static String name(Request request) {
        return Group.name(request);
    }

    /**
     * The value as the driver shows it when it is the key of a RESP3 map: its bytes read as UTF-8 (the driver keeps
     * map keys as strings only, so bytes that are not UTF-8 cannot be decoded back from them).
     */
    String asMapKey(T value) {
        return text ? (String) value : new String(encode(value), java.nio.charset.StandardCharsets.UTF_8);
    }

    /** Decodes a bulk reply; {@code null} for nil. {@code key} names the key in the error message. */
    @SuppressWarnings("unchecked")
    T decode(Response reply, Object key) {
        if (reply == null) {
            return null;
        }
        try {
            return text ? (T) (Object) reply.toString() : codec.decode(reply.toBytes());
        } catch (RuntimeException e) {
            throw new RedisDecodeException(clientLabel + ": the " + what + " read from key '" + describe(key) + "' cannot be decoded as "
                    + typeName + " by the " + codec + " (" + e.getClass().getSimpleName() + "); was it written as another type?", WithheldMessage.of(e));
        }
    }

    /** A key as a message shows it: a binary key as its text when it is UTF-8, else in hex (not as {@code [B@1b6d3586}). */
    static String describe(Object key) {
        if (!(key instanceof byte[] bytes)) {
            return String.valueOf(key);
        }
        try {
            return java.nio.charset.StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(bytes)).toString();
        } catch (java.nio.charset.CharacterCodingException notText) {
            return "0x" + java.util.HexFormat.of().formatHex(bytes);
        }
    }
}
