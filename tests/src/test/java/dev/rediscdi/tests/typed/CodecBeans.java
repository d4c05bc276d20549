package dev.rediscdi.tests.typed;

import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.JsonbConfig;
import jakarta.json.bind.config.PropertyNamingStrategy;

import dev.rediscdi.NamedRedisClient;
import dev.rediscdi.RedisCodec;
import dev.rediscdi.RedisDefaultCodec;

/** Codec and mapper beans of an application with three clients. */
final class CodecBeans {
    private CodecBeans() {
    }

    /** The application's own mapper, for its REST API: it must never reach Redis. */
    @Singleton
    static class RestMapper {
        @Produces
        @Singleton
        Jsonb rest() {
            return JsonbBuilder.create(new JsonbConfig().withPropertyNamingStrategy(PropertyNamingStrategy.LOWER_CASE_WITH_UNDERSCORES));
        }

        @Produces
        @Singleton
        @NamedRedisClient("legacy")
        Jsonb legacy() {
            return JsonbBuilder.create(new JsonbConfig().withPropertyNamingStrategy(PropertyNamingStrategy.UPPER_CAMEL_CASE));
        }
    }

    /** Unqualified: every client stores Money this way. */
    @ApplicationScoped
    public static class MoneyCodec implements RedisCodec<Money> {
        @Override
        public byte[] encode(Money value) {
            return ("cents:" + value.cents()).getBytes(StandardCharsets.UTF_8);
        }

        @Override
        public Money decode(byte[] bytes) {
            return new Money(Long.parseLong(new String(bytes, StandardCharsets.UTF_8).substring("cents:".length())));
        }
    }

    /** For the legacy client only: Money in euros. */
    @ApplicationScoped
    @NamedRedisClient("legacy")
    public static class LegacyMoneyCodec implements RedisCodec<Money> {
        @Override
        public byte[] encode(Money value) {
            return ("EUR " + value.cents() / 100.0).getBytes(StandardCharsets.UTF_8);
        }

        @Override
        public Money decode(byte[] bytes) {
            return new Money(Math.round(Double.parseDouble(new String(bytes, StandardCharsets.UTF_8).substring(4)) * 100));
        }
    }

    /** For the custom client: every object type, versioned JSON. */
    @ApplicationScoped
    @NamedRedisClient("custom")
    public static class VersionedJson implements RedisDefaultCodec {
        private final Jsonb jsonb = JsonbBuilder.create();

        @Override
        public byte[] encode(Object value, Type type) {
            return ("v1:" + jsonb.toJson(value, type)).getBytes(StandardCharsets.UTF_8);
        }

        @Override
        public Object decode(byte[] bytes, Type type) {
            return jsonb.fromJson(new String(bytes, StandardCharsets.UTF_8).substring(3), type);
        }
    }
}
