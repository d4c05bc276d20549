package dev.rediscdi.internal.codec;

import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import jakarta.enterprise.inject.Default;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.util.TypeLiteral;

import dev.rediscdi.NamedRedisClient;
import dev.rediscdi.RedisCodec;
import dev.rediscdi.RedisConfigurationException;
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
        codecs.putAll(byType(all.select(Default.Literal.INSTANCE), clientLabel, "unqualified"));
        codecs.putAll(byType(all.select(named), clientLabel, "qualified @NamedRedisClient(\"" + clientName + "\")"));
        Instance<RedisDefaultCodec> defaultCodec = lookup.select(RedisDefaultCodec.class, named);
        if (defaultCodec.isUnsatisfied()) {
            defaultCodec = lookup.select(RedisDefaultCodec.class);
        }
        requireAtMostOne(defaultCodec, clientLabel, "RedisDefaultCodec");
        Supplier<Object> jsonb = () -> null;
        if (JsonbMapper.available()) {
            jsonb = () -> JsonbBeans.qualified(lookup, named, clientLabel);
        }
        return new Codecs(clientLabel, codecs, defaultCodec.isResolvable() ? defaultCodec.get() : null, jsonb);
    }

    /** The codecs of one qualifier by the type they serve; two for one type are refused, not one picked at random. */
    private static Map<Type, RedisCodec<?>> byType(Instance<RedisCodec<?>> codecs, String clientLabel, String qualified) {
        Map<Type, RedisCodec<?>> byType = new HashMap<>();
        Map<Type, String> beanOf = new HashMap<>();
        codecs.handlesStream().forEach(handle -> {
            RedisCodec<?> codec = handle.get();
            String bean = handle.getBean().getBeanClass().getName();
            String other = beanOf.putIfAbsent(codec.type(), bean);
            if (other != null) {
                throw ambiguous(clientLabel, "two RedisCodec beans " + qualified + " for " + codec.type().getTypeName() + ": "
                        + other + " and " + bean);
            }
            byType.put(codec.type(), codec);
        });
        return byType;
    }

    /** Refuses two or more beans where one is looked up: CDI would report them only as "not resolvable". */
    static void requireAtMostOne(Instance<?> beans, String clientLabel, String what) {
        if (beans.isAmbiguous()) {
            throw ambiguous(clientLabel, "several " + what + " beans qualified the same way: " + beans.handlesStream()
                    .map(handle -> handle.getBean().getBeanClass().getName()).sorted().collect(Collectors.joining(", ")));
        }
    }

    private static RedisConfigurationException ambiguous(String clientLabel, String problem) {
        String fix = problem + ". Fix: keep one, or qualify each with @NamedRedisClient(\"<client name>\") for the client it serves";
        return new RedisConfigurationException(clientLabel + ": " + fix, List.of(fix));
    }
}
