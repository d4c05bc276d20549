package dev.rediscdi;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;

/**
 * Turns values of one type into the bytes Redis stores, and back. Strings (UTF-8), {@code byte[]} and numbers
 * have built-in codecs, every other type is stored as JSON through JSON-B.
 *
 * <p>To store a type differently, declare a CDI bean implementing {@code RedisCodec<YourType>}: unqualified it
 * serves every client, with {@code @NamedRedisClient("name")} only that client (and it wins over an unqualified
 * one). The type comes from the class's {@code implements RedisCodec<...>} clause; override {@link #type()} for
 * a codec class that serves several types.
 *
 * <pre>{@code
 * @ApplicationScoped
 * public class MoneyCodec implements RedisCodec<Money> {
 *     public byte[] encode(Money value) { return value.toPlainString().getBytes(UTF_8); }
 *     public Money decode(byte[] bytes) { return Money.parse(new String(bytes, UTF_8)); }
 * }
 * }</pre>
 *
 * @param <T> the type it encodes
 */
public interface RedisCodec<T> {

    /** Encodes a value; never called with {@code null}. */
    byte[] encode(T value);

    /** Decodes what {@link #encode} produced; never called with {@code null}. Throw any exception for bad data. */
    T decode(byte[] bytes);

    /** The type this codec encodes: by default the type argument of {@code RedisCodec} in the class declaration. */
    default Type type() {
        for (Class<?> type = getClass(); type != null; type = type.getSuperclass()) {
            for (Type implemented : type.getGenericInterfaces()) {
                if (implemented instanceof ParameterizedType parameterized && parameterized.getRawType() == RedisCodec.class) {
                    return parameterized.getActualTypeArguments()[0];
                }
            }
        }
        throw new IllegalStateException(getClass().getName() + " does not say which type it encodes: implement RedisCodec<YourType> "
                + "with a concrete type argument, or override type()");
    }
}
