package dev.rediscdi.sample.quarkus;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.Map;

import dev.rediscdi.testing.RedisServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * Starts a real redis-server on a free loopback port for the Quarkus application under test and points the
 * default client at its database 0, the {@code cache} client at its database 1. Test fields of type
 * {@link RedisServer} annotated {@link InjectRedisServer} receive it.
 */
public class RedisServerResource implements QuarkusTestResourceLifecycleManager {

    /** Marks the test field that receives the server. */
    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.FIELD)
    public @interface InjectRedisServer {
    }

    private RedisServer server;

    @Override
    public Map<String, String> start() {
        server = RedisServer.builder().start();
        return Map.of(
                "redis.hosts", server.uri(),
                "redis.cache.hosts", server.uri() + "/1");
    }

    @Override
    public void inject(TestInjector testInjector) {
        testInjector.injectIntoFields(server,
                new TestInjector.AnnotatedAndMatchesType(InjectRedisServer.class, RedisServer.class));
    }

    @Override
    public void stop() {
        if (server != null) {
            server.close();
            server = null;
        }
    }
}
