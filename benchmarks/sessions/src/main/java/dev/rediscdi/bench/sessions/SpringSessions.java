package dev.rediscdi.bench.sessions;

import java.util.EnumSet;

import jakarta.servlet.DispatcherType;

import org.eclipse.jetty.ee10.servlet.FilterHolder;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.jedis.JedisClientConfiguration;
import org.springframework.data.redis.connection.jedis.JedisConnectionFactory;
import org.springframework.data.redis.core.RedisTemplate;
import org.springframework.data.redis.serializer.StringRedisSerializer;
import org.springframework.session.data.redis.RedisIndexedSessionRepository;
import org.springframework.session.data.redis.RedisSessionRepository;
import org.springframework.session.web.http.SessionRepositoryFilter;

import redis.clients.jedis.JedisPoolConfig;

/**
 * Spring Session Data Redis without Spring Boot, as its reference documentation wires it in a Spring context:
 * a Jedis connection factory (a pool of 64, one connection per request thread), a template with string keys
 * and JDK-serialized values, the repository, and its {@link SessionRepositoryFilter} in front of the application.
 */
final class SpringSessions {
    private final JedisConnectionFactory factory;

    SpringSessions(ServletContextHandler context, int redisPort, boolean indexed) {
        JedisPoolConfig pool = new JedisPoolConfig();
        pool.setMaxTotal(64);
        pool.setMaxIdle(64);
        factory = new JedisConnectionFactory(new RedisStandaloneConfiguration("127.0.0.1", redisPort),
                JedisClientConfiguration.builder().usePooling().poolConfig(pool).build());
        factory.afterPropertiesSet();
        factory.start();
        RedisTemplate<String, Object> template = new RedisTemplate<>();
        template.setConnectionFactory(factory);
        template.setKeySerializer(new StringRedisSerializer());
        template.setHashKeySerializer(new StringRedisSerializer());
        template.afterPropertiesSet();
        SessionRepositoryFilter<?> filter = indexed
                ? new SessionRepositoryFilter<>(new RedisIndexedSessionRepository(template))
                : new SessionRepositoryFilter<>(new RedisSessionRepository(template));
        context.addFilter(new FilterHolder(filter), "/app/*", EnumSet.of(DispatcherType.REQUEST));
    }

    void close() {
        factory.destroy();
    }
}
