package dev.rediscdi.internal.cdi;

import jakarta.enterprise.event.Startup;
import jakarta.enterprise.inject.build.compatible.spi.Parameters;
import jakarta.enterprise.inject.build.compatible.spi.SyntheticObserver;
import jakarta.enterprise.inject.spi.CDI;

/** At start-up, subscribes the clients whose configuration names channels, patterns or shard channels to fire as CDI events. */
public class MessageEventsAtStartup implements SyntheticObserver<Startup> {

    @Override
    public void observe(jakarta.enterprise.inject.spi.EventContext<Startup> event, Parameters params) {
        CDI<Object> container = CDI.current();
        container.select(RedisClients.class).get().subscribeEvents(container.getBeanManager().getEvent());
    }
}
