package dev.rediscdi;

import java.lang.reflect.Type;

/**
 * Replaces JSON-B for the types that have no {@link RedisCodec} of their own (for example to store objects with
 * Jackson or Protocol Buffers). Declare it as a CDI bean; unqualified it serves every client, with
 * {@code @NamedRedisClient("name")} only that client.
 */
public interface RedisDefaultCodec {

    /** Encodes {@code value}, declared as {@code type}; never called with {@code null}. */
    byte[] encode(Object value, Type type);

    /** Decodes bytes into an instance of {@code type}; throw any exception for bad data. */
    Object decode(byte[] bytes, Type type);
}
