package dev.rediscdi.tests.threads;

import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.RequestScoped;

/** A request-scoped bean whose identity tells which request context a continuation sees; it notes its destruction. */
@RequestScoped
public class RequestBag {
    /** The ids of the bags destroyed so far, in every test. */
    public static final Set<String> DESTROYED = ConcurrentHashMap.newKeySet();
    private final String id = UUID.randomUUID().toString();

    public String id() {
        return id;
    }

    @PreDestroy
    void destroyed() {
        DESTROYED.add(id);
    }
}
