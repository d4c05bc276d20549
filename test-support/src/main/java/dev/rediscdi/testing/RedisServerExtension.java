package dev.rediscdi.testing;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Starts one {@link RedisServer} for a test class and closes it afterwards. As a {@code static}
 * {@code @RegisterExtension} field: one server for the class (started before all, closed after all); as an
 * instance field: one server per test. Also resolves {@link RedisServer} parameters. The server log tail is
 * printed to stderr when the class (or test) failed.
 * <pre>
 * &#64;RegisterExtension
 * static final RedisServerExtension REDIS = new RedisServerExtension(RedisServer.builder().password("x"));
 * </pre>
 */
public final class RedisServerExtension
        implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback, AfterEachCallback, ParameterResolver {

    private final RedisServer.Builder builder;
    private volatile RedisServer server;
    private String owner;

    /** A server with the default settings. */
    public RedisServerExtension() {
        this(RedisServer.builder());
    }

    public RedisServerExtension(RedisServer.Builder builder) {
        this.builder = builder;
    }

    /** The running server; throws outside of the extension's scope. */
    public RedisServer server() {
        RedisServer current = server;
        if (current == null) {
            throw new IllegalStateException("the redis-server is not started (the extension must be registered "
                    + "with @RegisterExtension and is only active inside its test class)");
        }
        return current;
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        startFor(context);
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        startFor(context);
    }

    @Override
    public void afterEach(ExtensionContext context) {
        stopFor(context);
    }

    @Override
    public void afterAll(ExtensionContext context) {
        stopFor(context);
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == RedisServer.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        RedisServer current = server;
        if (current == null) {
            throw new ParameterResolutionException("no redis-server running for " + parameter.getParameter());
        }
        return current;
    }

    private synchronized void startFor(ExtensionContext context) {
        if (server == null) {
            server = builder.start();
            owner = context.getUniqueId();
        }
    }

    private synchronized void stopFor(ExtensionContext context) {
        if (server != null && context.getUniqueId().equals(owner)) {
            try {
                if (context.getExecutionException().isPresent()) {
                    System.err.println("--- " + server + " log tail ---\n" + server.logTail());
                }
            } finally {
                server.close();
                server = null;
                owner = null;
            }
        }
    }
}
