package dev.rediscdi;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import jakarta.enterprise.util.AnnotationLiteral;
import jakarta.inject.Qualifier;

/**
 * Selects a named Redis client, configured under {@code redis.<name>.*}.
 *
 * <pre>{@code
 * @Inject @NamedRedisClient("cache") RedisClient cache;   // redis.cache.hosts=...
 * }</pre>
 *
 * Without this qualifier, injection points get the default client, configured under {@code redis.*}.
 * The name differs on purpose from Quarkus' {@code io.quarkus.redis.client.RedisClientName}, so that
 * an IDE's auto-import cannot pick the wrong one.
 */
@Qualifier
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ ElementType.FIELD, ElementType.PARAMETER, ElementType.METHOD, ElementType.TYPE })
public @interface NamedRedisClient {

    /** The client name: letters, digits, {@code _} and {@code -}. */
    String value();

    /** A literal for programmatic lookup: {@code instance.select(RedisClient.class, NamedRedisClient.Literal.of("cache"))}. */
    final class Literal extends AnnotationLiteral<NamedRedisClient> implements NamedRedisClient {
        private static final long serialVersionUID = 1L;
        private final String value;

        private Literal(String value) {
            this.value = value;
        }

        public static Literal of(String name) {
            return new Literal(name);
        }

        @Override
        public String value() {
            return value;
        }
    }
}
