package dev.rediscdi.internal.codec;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.lang.reflect.Type;

import jakarta.json.bind.Jsonb;

import dev.rediscdi.RedisCodec;

/** A type stored as JSON through one client's {@link Jsonb}. Loaded only when JSON is needed: JSON-B is optional. */
final class JsonbCodec implements RedisCodec<Object> {
    private final Jsonb jsonb;
    private final Type type;

    JsonbCodec(Object jsonb, Type type) {
        this.jsonb = (Jsonb) jsonb;
        this.type = type;
    }

    @Override
    public byte[] encode(Object value) {
        ByteArrayOutputStream json = new ByteArrayOutputStream(128);
        jsonb.toJson(value, type, json);
        return json.toByteArray();
    }

    @Override
    public Object decode(byte[] bytes) {
        return jsonb.fromJson(new ByteArrayInputStream(bytes), type);
    }

    @Override
    public Type type() {
        return type;
    }

    @Override
    public String toString() {
        return "JSON-B codec";
    }
}
