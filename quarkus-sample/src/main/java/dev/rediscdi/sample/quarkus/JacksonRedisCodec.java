package dev.rediscdi.sample.quarkus;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Type;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.fasterxml.jackson.databind.ObjectMapper;

import dev.rediscdi.RedisDefaultCodec;
import io.quarkus.arc.Unremovable;

/**
 * Stores objects (a {@code Product}, say) as JSON with the application's Jackson instead of JSON-B, for every client.
 * {@link Unremovable}: the library looks codecs up programmatically, which Quarkus cannot see at build time.
 */
@ApplicationScoped
@Unremovable
public class JacksonRedisCodec implements RedisDefaultCodec {

    @Inject
    ObjectMapper json;

    @Override
    public byte[] encode(Object value, Type type) {
        try {
            return json.writeValueAsBytes(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public Object decode(byte[] bytes, Type type) {
        try {
            return json.readValue(bytes, json.constructType(type));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
