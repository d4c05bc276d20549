package dev.rediscdi.tests.threads;

import java.util.UUID;

import jakarta.enterprise.context.RequestScoped;

/** A request-scoped bean whose identity tells which request context a continuation sees. */
@RequestScoped
public class RequestBag {
    private final String id = UUID.randomUUID().toString();

    public String id() {
        return id;
    }
}
