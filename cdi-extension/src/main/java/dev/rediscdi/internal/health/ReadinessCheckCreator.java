package dev.rediscdi.internal.health;

import java.time.Duration;

import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.build.compatible.spi.Parameters;
import jakarta.enterprise.inject.build.compatible.spi.SyntheticBeanCreator;

import dev.rediscdi.internal.cdi.RedisClients;

/** Creates the readiness check of one client. */
public class ReadinessCheckCreator implements SyntheticBeanCreator<RedisReadinessCheck> {
    public static final String CLIENT = "client";
    public static final String CHECK_NAME = "checkName";
    public static final String TIMEOUT_MILLIS = "timeoutMillis";

    @Override
    public RedisReadinessCheck create(Instance<Object> lookup, Parameters params) {
        RedisClients clients = lookup.select(RedisClients.class).get();
        return new RedisReadinessCheck(params.get(CHECK_NAME, String.class), clients.client(params.get(CLIENT, String.class)),
                Duration.ofMillis(params.get(TIMEOUT_MILLIS, Long.class)));
    }
}
