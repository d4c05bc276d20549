package dev.rediscdi.session.internal;

import java.util.Optional;

import jakarta.enterprise.inject.spi.CDI;
import jakarta.servlet.ServletContext;

import dev.rediscdi.NamedRedisClient;
import dev.rediscdi.RedisClient;
import dev.rediscdi.internal.config.ClientConfig;
import dev.rediscdi.session.SessionCodec;
import io.vertx.redis.client.RedisClientType;

/**
 * The session store of one web application: its settings, codec, listeners, and (looked up on first use,
 * once CDI is up) its Redis client.
 */
public final class SessionStore {
    static final String ATTRIBUTE = SessionStore.class.getName();

    private final ServletContext context;
    private final SessionSettings settings;
    private final SessionCodec codec;
    private final ClassLoader classLoader;
    private final SessionListeners listeners = new SessionListeners();
    private final SessionIds ids = new SessionIds();
    private final SessionCache cache = new SessionCache(System::nanoTime);
    private volatile SessionRepository repository;
    private volatile Optional<InvalidationListener> invalidations = Optional.empty();
    // guarded by this
    private boolean closed;
    private volatile Optional<WeldSessionScope> weld;

    SessionStore(ServletContext context, SessionSettings settings, SessionCodec codec, ClassLoader classLoader) {
        this.context = context;
        this.settings = settings;
        this.codec = codec;
        this.classLoader = classLoader;
    }

    /** The store of this context. */
    public static SessionStore of(ServletContext context) {
        Object store = context.getAttribute(ATTRIBUTE);
        if (!(store instanceof SessionStore sessionStore)) {
            throw new IllegalStateException("The Redis session store is not installed in context \"" + context.getContextPath()
                    + "\": its ServletContainerInitializer did not run (is redis-cdi-session-store in WEB-INF/lib, and is"
                    + " metadata-complete or the container's initializer scanning switched off?)");
        }
        return sessionStore;
    }

    public SessionListeners listeners() {
        return listeners;
    }

    ServletContext context() {
        return context;
    }

    SessionSettings settings() {
        return settings;
    }

    SessionCodec codec() {
        return codec;
    }

    ClassLoader classLoader() {
        return classLoader;
    }

    /** Throws when the store's codec could not read {@code bytes} back; a codec of the application's is trusted. */
    void checkReadable(byte[] bytes) throws UnreadableValueException {
        if (codec instanceof ReadBackCheck check) {
            check.checkReadable(bytes, classLoader);
        }
    }

    SessionIds ids() {
        return ids;
    }

    SessionRepository repository() {
        SessionRepository current = repository;
        if (current == null) {
            synchronized (this) {
                if (repository == null) {
                    RedisClient client = lookUpClient();
                    ClientConfig clientConfig = LocalCaching.clientConfig(settings, classLoader);
                    invalidations = LocalCaching.listener(settings, clientConfig, cache);
                    // every instance on a standalone Redis marks its writes, whether it caches or not: others may
                    WriteMarks marks = clientConfig.clientType() == RedisClientType.STANDALONE ? WriteMarks.random() : WriteMarks.NONE;
                    repository = new SessionRepository(client, settings, cache, clientConfig.timeout(), marks);
                    if (!closed) { // a sweep that began before the application stopped must not start a connection no one stops
                        invalidations.ifPresent(InvalidationListener::start);
                    }
                }
                current = repository;
            }
        }
        return current;
    }

    /** Stops the invalidation listener, when the application stops; none starts after this. */
    synchronized void close() {
        closed = true;
        invalidations.ifPresent(InvalidationListener::stop);
    }

    /** Weld's session context, when Weld runs this application. */
    Optional<WeldSessionScope> weld() {
        Optional<WeldSessionScope> current = weld;
        if (current == null) {
            current = weldPresent() ? WeldSessionScope.find() : Optional.empty();
            weld = current;
        }
        return current;
    }

    private static boolean weldPresent() {
        try {
            Class.forName("org.jboss.weld.context.bound.BoundSessionContext", false, SessionStore.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException | LinkageError noWeld) {
            return false;
        }
    }

    private RedisClient lookUpClient() {
        Optional<String> name = settings.client();
        try {
            return name.isPresent()
                    ? CDI.current().select(RedisClient.class, NamedRedisClient.Literal.of(name.get())).get()
                    : CDI.current().select(RedisClient.class).get();
        } catch (RuntimeException e) {
            String key = name.map(n -> "redis." + n + ".hosts").orElse("redis.hosts");
            throw new IllegalStateException("The Redis session store found no RedisClient" + name.map(n -> " named \"" + n + "\" ("
                    + SettingKey.CLIENT.key() + ")").orElse(" (the default client)") + " in CDI: set " + key
                    + " and make sure redis-cdi-extension runs in this application (" + e + ")", e);
        }
    }
}
