package dev.rediscdi.internal.codec;

import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.function.Function;

import dev.rediscdi.RedisCodec;

/**
 * Strings as UTF-8, bytes as they are, numbers as their decimal text (what {@code INCR}, {@code INCRBYFLOAT} and
 * {@code ZADD} read and write, so that typed values and counters mix).
 */
final class BuiltInCodecs {
    private static final Map<Type, RedisCodec<?>> CODECS = Map.ofEntries(
            Map.entry(String.class, new Utf8Codec()),
            Map.entry(byte[].class, new BytesCodec()),
            Map.entry(Long.class, text(Long::valueOf)), Map.entry(long.class, text(Long::valueOf)),
            Map.entry(Integer.class, text(Integer::valueOf)), Map.entry(int.class, text(Integer::valueOf)),
            Map.entry(Short.class, text(Short::valueOf)), Map.entry(short.class, text(Short::valueOf)),
            Map.entry(Double.class, text(Double::valueOf)), Map.entry(double.class, text(Double::valueOf)),
            Map.entry(Float.class, text(Float::valueOf)), Map.entry(float.class, text(Float::valueOf)),
            Map.entry(BigDecimal.class, text(BigDecimal::new)),
            Map.entry(BigInteger.class, text(BigInteger::new)));

    private BuiltInCodecs() {
    }

    /** The built-in codec of a type, or {@code null}. */
    static RedisCodec<?> of(Type type) {
        return CODECS.get(type);
    }

    private static <N> RedisCodec<N> text(Function<String, N> parse) {
        return new RedisCodec<>() {
            @Override
            public byte[] encode(N value) {
                return value.toString().getBytes(StandardCharsets.US_ASCII);
            }

            @Override
            public N decode(byte[] bytes) {
                return parse.apply(new String(bytes, StandardCharsets.US_ASCII));
            }

            @Override
            public Type type() {
                return Number.class;
            }

            @Override
            public String toString() {
                return "number codec";
            }
        };
    }

    static final class Utf8Codec implements RedisCodec<String> {
        @Override
        public byte[] encode(String value) {
            return value.getBytes(StandardCharsets.UTF_8);
        }

        @Override
        public String decode(byte[] bytes) {
            return new String(bytes, StandardCharsets.UTF_8);
        }

        @Override
        public String toString() {
            return "UTF-8 codec";
        }
    }

    static final class BytesCodec implements RedisCodec<byte[]> {
        @Override
        public byte[] encode(byte[] value) {
            return value;
        }

        @Override
        public byte[] decode(byte[] bytes) {
            return bytes;
        }

        @Override
        public String toString() {
            return "byte[] codec";
        }
    }
}
