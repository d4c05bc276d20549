package dev.rediscdi.dev;

import java.util.Optional;

import dev.rediscdi.dev.internal.LocalRedis;

/**
 * A local {@code redis-server} for development, started when an application that has the
 * {@code redis-cdi-dev-redis} jar runs with {@value #ENABLED}{@code =true} and no {@code redis.hosts}.
 *
 * <p>How it works: a MicroProfile Config source (a SmallRye {@code ConfigSourceFactory}, registered through
 * {@code META-INF/services}) checks, when the configuration is built, that {@value #ENABLED} is {@code true} (in
 * the active profile) and that no other source gives {@code redis.hosts}. Only then does it add a source, ranked
 * below every file and variable ({@value #ORDINAL}), that answers {@code redis.hosts}: the first read of that value
 * starts {@code redis-server} (from the {@code PATH}, else the binary shipped in the {@code embedded-redis}
 * artifact) on a free port of {@code 127.0.0.1}, never 6379, with persistence off. One server per JVM, stopped
 * (by pid) when the JVM exits. Named clients can use it through {@code redis.<name>.hosts=${redis.hosts}/1}.
 *
 * <p>Why it is never active in production by accident: it does nothing unless the jar is on the class path
 * <em>and</em> {@value #ENABLED} is {@code true}; the flag defaults to {@code false}, and is meant to be set for
 * the development and test profiles only ({@code %dev.redis-dev.enabled=true}, {@code %test.redis-dev.enabled=true}
 * on Quarkus). Even then, any {@code redis.hosts} from another source (a file, {@code REDIS_HOSTS},
 * {@code -Dredis.hosts}) wins and no server is started. Every start is logged at {@code WARNING} level.
 */
public final class DevRedis {

    /** The switch: {@code true} to let the module start a local Redis; default {@code false}. */
    public static final String ENABLED = "redis-dev.enabled";

    /** The key this module supplies. */
    public static final String HOSTS = "redis.hosts";

    /** The ordinal of the source that supplies {@value #HOSTS}: below {@code microprofile-config.properties} (100). */
    public static final int ORDINAL = 50;

    private DevRedis() {
    }

    /** The URI of the local Redis this JVM started ({@code redis://127.0.0.1:PORT}), if it started one. */
    public static Optional<String> uri() {
        return LocalRedis.runningUri();
    }

    /** The pid of the local {@code redis-server} this JVM started, if it started one. */
    public static Optional<Long> pid() {
        return LocalRedis.runningPid();
    }
}
