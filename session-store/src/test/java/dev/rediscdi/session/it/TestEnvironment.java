package dev.rediscdi.session.it;

import java.util.LinkedHashMap;
import java.util.Map;

import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.spi.ConfigProviderResolver;
import org.jboss.weld.environment.se.Weld;
import org.jboss.weld.environment.se.WeldContainer;

import dev.rediscdi.testing.RedisCluster;
import dev.rediscdi.testing.RedisSentinelGroup;
import dev.rediscdi.testing.RedisServer;
import dev.rediscdi.testing.SharedRedisServers;
import dev.rediscdi.testing.SharedRedisTopologies;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfigBuilder;

/**
 * What every session test shares in one JVM, as an application server would: one CDI container (Weld) with the
 * library's clients, each on a real Redis: {@code redis.*} (standalone), {@code redis.fragile.*} (a server the
 * tests stop), {@code redis.counted.*} (a server whose command statistics are read) and {@code redis.cluster.*}
 * (a 3+3 cluster), {@code redis.sentinel.*} (a primary, two replicas and three Sentinels). Web applications pick one with {@code redis-session.client}.
 */
public final class TestEnvironment {
    private static TestEnvironment instance;

    public final RedisServer standalone;
    public final RedisServer fragile;
    public final RedisServer counted;
    public final RedisCluster cluster;
    public final RedisSentinelGroup sentinel;
    public final WeldContainer weld;
    /** The {@code redis.*} properties, part of every application's configuration too. */
    public final Map<String, String> clients = new LinkedHashMap<>();

    private TestEnvironment() {
        standalone = SharedRedisServers.get("session-standalone", RedisServer::builder);
        fragile = SharedRedisServers.get("session-fragile", RedisServer::builder);
        counted = SharedRedisServers.get("session-counted", RedisServer::builder);
        cluster = SharedRedisTopologies.cluster("default", RedisCluster::builder);
        sentinel = SharedRedisTopologies.sentinelGroup("session-sentinel", () -> RedisSentinelGroup.builder().replicas(2));
        Map<String, String> properties = clients;
        properties.put("redis.hosts", standalone.uri());
        properties.put("redis.fragile.hosts", fragile.uri());
        properties.put("redis.fragile.timeout", "2s");
        properties.put("redis.counted.hosts", counted.uri());
        properties.put("redis.cluster.hosts", String.join(",", cluster.uris()));
        properties.put("redis.cluster.client-type", "cluster");
        properties.put("redis.sentinel.hosts", String.join(",", sentinel.sentinelUris()));
        properties.put("redis.sentinel.client-type", "sentinel");
        properties.put("redis.sentinel.master-name", sentinel.masterName());
        properties.put("redis.sentinel.timeout", "1s");
        properties.put("redis.sentinel.circuit-breaker.delay", "1s");
        register(properties, Thread.currentThread().getContextClassLoader());
        weld = new Weld("redis-session-tests").disableDiscovery().addBeanClasses(Cart.class).initialize();
        Runtime.getRuntime().addShutdownHook(new Thread(weld::shutdown));
    }

    public static synchronized TestEnvironment get() {
        if (instance == null) {
            instance = new TestEnvironment();
        }
        return instance;
    }

    /** Installs a MicroProfile Config of exactly these properties for a class loader, as a server does per application. */
    static Config register(Map<String, String> properties, ClassLoader loader) {
        ConfigProviderResolver resolver = ConfigProviderResolver.instance();
        try {
            resolver.releaseConfig(resolver.getConfig(loader));
        } catch (IllegalStateException | IllegalArgumentException none) {
            // nothing registered yet
        }
        Config config = new SmallRyeConfigBuilder().withSources(new PropertiesConfigSource(properties, "test", 500)).build();
        resolver.registerConfig(config, loader);
        return config;
    }
}
