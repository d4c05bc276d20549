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
 * {@link RedisServer} annotated {@link InjectRedisServer} receive it. The {@code cache} client's
 * {@code events.channels} come from here too, so at run time only: the Quarkus build does not see them
 * ({@code RuntimeEventChannelsTest}).
 */
public class RedisServerResource implements QuarkusTestResourceLifecycleManager {

    /** Marks the test field that receives the server. */
    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.FIELD)
    public @interface InjectRedisServer {
    }

    /** The channel whose messages the {@code cache} client fires as CDI events, configured at run time only. */
    public static final String RUNTIME_EVENT_CHANNEL = "cache-invalidations";

    private RedisServer server;

    @Override
    public Map<String, String> start() {
        server = RedisServer.builder().start();
        return Map.of(
                "redis.hosts", server.uri(),
                "redis.cache.hosts", server.uri() + "/1",
                "redis.cache.events.channels", RUNTIME_EVENT_CHANNEL);
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
