package dev.rediscdi.internal.cdi;

import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.build.compatible.spi.Parameters;
import jakarta.enterprise.inject.build.compatible.spi.SyntheticBeanCreator;

/**
 * Creates one of the injectable views of a client (async, blocking, raw {@code Redis}, {@code RedisAPI}).
 * All views of one name share the connections of {@link RedisClients}.
 */
public class ClientBeanCreator implements SyntheticBeanCreator<Object> {
    static final String NAME = "name";
    static final String VIEW = "view";

    enum View { ASYNC, BLOCKING, REDIS, REDIS_API }

    @Override
    public Object create(Instance<Object> lookup, Parameters params) {
        RedisClients.Clients clients = lookup.select(RedisClients.class).get().get(params.get(NAME, String.class));
        return switch (View.valueOf(params.get(VIEW, String.class))) {
            case ASYNC -> clients.client();
            case BLOCKING -> clients.client().blocking();
            case REDIS -> clients.redis();
            case REDIS_API -> clients.api();
        };
    }
}
