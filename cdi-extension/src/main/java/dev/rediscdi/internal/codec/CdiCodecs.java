package dev.rediscdi.internal.codec;

import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;

import jakarta.enterprise.inject.Default;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.util.TypeLiteral;

import dev.rediscdi.NamedRedisClient;
import dev.rediscdi.RedisCodec;
import dev.rediscdi.RedisDefaultCodec;

/** Finds the codec beans of one client: qualified with its name, else unqualified. */
public final class CdiCodecs {
    private CdiCodecs() {
    }

    /**
     * @param clientName the client's name, {@code <default>} for the default client (its qualified beans carry
     *        {@code @NamedRedisClient("<default>")})
     */
    public static Codecs of(Instance<Object> lookup, String clientName, String clientLabel) {
        Annotation named = NamedRedisClient.Literal.of(clientName);
        Map<Type, RedisCodec<?>> codecs = new HashMap<>();
        Instance<RedisCodec<?>> all = lookup.select(new TypeLiteral<RedisCodec<?>>() {
        });
        all.select(Default.Literal.INSTANCE).forEach(codec -> codecs.put(codec.type(), codec));
        all.select(named).forEach(codec -> codecs.put(codec.type(), codec));
        Instance<RedisDefaultCodec> defaultCodec = lookup.select(RedisDefaultCodec.class, named);
        if (!defaultCodec.isResolvable()) {
            defaultCodec = lookup.select(RedisDefaultCodec.class);
        }
        Supplier<Object> jsonb = () -> null;
        if (JsonbMapper.available()) {
            jsonb = () -> JsonbBeans.qualified(lookup, named);
        }
        return new Codecs(clientLabel, codecs, defaultCodec.isResolvable() ? defaultCodec.get() : null, jsonb);
    }
}
