package dev.rediscdi.internal.codec;

import java.lang.reflect.Type;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

import dev.rediscdi.RedisCodec;
import dev.rediscdi.RedisDefaultCodec;

/**
 * The codecs of one client, resolved once per type: the application's {@link RedisCodec} beans first, then the
 * built-in ones (strings, bytes, numbers), then its {@link RedisDefaultCodec}, then JSON through JSON-B.
 */
public final class Codecs implements AutoCloseable {
    private final String clientLabel;
    private final Map<Type, RedisCodec<?>> beans;
    private final RedisDefaultCodec defaultCodec;
    private final Object jsonbMapper; // a JsonbMapper, typed Object so that this class loads without JSON-B
    private final Map<Type, RedisCodec<?>> resolved = new ConcurrentHashMap<>();

    /**
     * @param beans codecs declared by the application, by type
     * @param defaultCodec the application's codec for all other types, or {@code null} for JSON-B
     * @param jsonb the application's {@code Jsonb} for this client, or a supplier of {@code null}
     */
    public Codecs(String clientLabel, Map<Type, RedisCodec<?>> beans, RedisDefaultCodec defaultCodec, Supplier<Object> jsonb) {
        this.clientLabel = clientLabel;
        this.beans = Map.copyOf(beans);
        this.defaultCodec = defaultCodec;
        this.jsonbMapper = defaultCodec == null && JsonbMapper.available() ? new JsonbMapper(jsonb) : null;
    }

    /** Codecs without any application bean: built-in ones and JSON-B. */
    public static Codecs standard(String clientLabel) {
        return new Codecs(clientLabel, Map.of(), null, () -> null);
    }

    public String clientLabel() {
        return clientLabel;
    }

    /** The codec of {@code type}. */
    @SuppressWarnings("unchecked")
    public <T> RedisCodec<T> of(Type type) {
        RedisCodec<?> codec = resolved.get(type);
        if (codec == null) {
            codec = resolved.computeIfAbsent(type, this::resolve);
        }
        return (RedisCodec<T>) codec;
    }

    private RedisCodec<?> resolve(Type type) {
        RedisCodec<?> codec = beans.get(type);
        if (codec == null) {
            codec = BuiltInCodecs.of(type);
        }
        if (codec == null && defaultCodec != null) {
            codec = new DefaultCodecAdapter(defaultCodec, type);
        }
        if (codec == null) {
            if (jsonbMapper == null) {
                throw new IllegalStateException(clientLabel + ": no codec for " + type.getTypeName() + ", and JSON-B is not on the class path. "
                        + "Fix: add jakarta.json.bind-api with an implementation (such as org.eclipse:yasson), or declare a CDI bean "
                        + "implementing RedisCodec<" + type.getTypeName() + "> or RedisDefaultCodec");
            }
            codec = new JsonbCodec(((JsonbMapper) jsonbMapper).get(), type);
        }
        return codec;
    }

    /** Whether values of {@code type} are plain UTF-8 strings (so that they can be sent and read without copies). */
    public boolean isPlainText(Type type) {
        RedisCodec<?> codec = of(type);
        return codec instanceof BuiltInCodecs.Utf8Codec;
    }

    @Override
    public void close() {
        if (jsonbMapper != null) {
            ((JsonbMapper) jsonbMapper).close();
        }
    }

    private record DefaultCodecAdapter(RedisDefaultCodec codec, Type type) implements RedisCodec<Object> {
        @Override
        public byte[] encode(Object value) {
            return codec.encode(value, type);
        }

        @Override
        public Object decode(byte[] bytes) {
            return codec.decode(bytes, type);
        }

        @Override
        public String toString() {
            return codec.getClass().getName();
        }
    }
}
