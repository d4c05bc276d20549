package dev.rediscdi.sample.quarkus.events;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import dev.rediscdi.NamedRedisClient;
import dev.rediscdi.RedisMessage;
import io.vertx.core.Context;

/** Observes the messages the {@code cache} client fires as CDI events, and where the observer ran. */
@ApplicationScoped
public class CacheInvalidations {
    private final List<String> received = new CopyOnWriteArrayList<>();

    void on(@Observes @NamedRedisClient("cache") RedisMessage message) {
        received.add(message.channel() + "=" + message.payloadAsString() + (Context.isOnEventLoopThread() ? " on an event loop" : ""));
    }

    /** What it received so far, {@code channel=payload} each. */
    public List<String> received() {
        return List.copyOf(received);
    }
}
