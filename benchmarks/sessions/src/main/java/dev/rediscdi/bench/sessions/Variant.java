package dev.rediscdi.bench.sessions;

import org.eclipse.jetty.ee10.servlet.ServletContextHandler;

/** Where one server keeps its sessions. */
public enum Variant {
    /** Jetty's own sessions, in the server's memory. */
    MEMORY(ServletContextHandler.SESSIONS),
    /** This library's session store, over the library's client. */
    REDIS_CDI(ServletContextHandler.NO_SESSIONS),
    /** Spring Session's {@code RedisSessionRepository} behind its {@code SessionRepositoryFilter}. */
    SPRING(ServletContextHandler.NO_SESSIONS),
    /** Spring Session's {@code RedisIndexedSessionRepository} (indexes by principal, expiry events). */
    SPRING_INDEXED(ServletContextHandler.NO_SESSIONS);

    private final int jettySessions;

    Variant(int jettySessions) {
        this.jettySessions = jettySessions;
    }

    int jettySessions() {
        return jettySessions;
    }
}
