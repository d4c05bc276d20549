package dev.rediscdi.testing;

import java.util.Objects;
import java.util.function.Supplier;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Starts a topology ({@link RedisReplication}, {@link RedisSentinelGroup}, {@link RedisCluster}, or anything
 * {@link AutoCloseable}) before all tests of a class and closes it after them; also resolves parameters of its type.
 * For one topology shared by several classes, use {@link SharedRedisTopologies} instead.
 * <pre>
 * &#64;RegisterExtension
 * static final RedisTopologyExtension&lt;RedisCluster&gt; CLUSTER = new RedisTopologyExtension&lt;&gt;(() -&gt; RedisCluster.builder().start());
 * </pre>
 */
public final class RedisTopologyExtension<T extends AutoCloseable>
        implements BeforeAllCallback, AfterAllCallback, ParameterResolver {

    private final Supplier<T> starter;
    private volatile T topology;
    private String owner;

    public RedisTopologyExtension(Supplier<T> starter) {
        this.starter = Objects.requireNonNull(starter);
    }

    /** The running topology; throws outside of the extension's class. */
    public T get() {
        T current = topology;
        if (current == null) {
            throw new IllegalStateException("the topology is not started (register the extension as a static "
                    + "@RegisterExtension field; it is only active inside its test class)");
        }
        return current;
    }

    @Override
    public synchronized void beforeAll(ExtensionContext context) {
        if (topology == null) {
            topology = starter.get();
            owner = context.getUniqueId();
        }
    }

    @Override
    public synchronized void afterAll(ExtensionContext context) throws Exception {
        if (topology != null && context.getUniqueId().equals(owner)) {
            try {
                topology.close();
            } finally {
                topology = null;
                owner = null;
            }
        }
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        T current = topology;
        return current != null && parameter.getParameter().getType().isInstance(current)
                && parameter.getParameter().getType() != Object.class
                && parameter.getParameter().getType() != AutoCloseable.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return get();
    }
}
