package dev.rediscdi.internal.cdi;

import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.build.compatible.spi.Parameters;
import jakarta.enterprise.inject.build.compatible.spi.SyntheticBeanDisposer;

/** Closes every client, and the Vert.x instance the library created, when the container stops. */
public class RedisClientsDisposer implements SyntheticBeanDisposer<RedisClients> {
    @Override
    public void dispose(RedisClients clients, Instance<Object> lookup, Parameters params) {
        clients.close();
    }
}
