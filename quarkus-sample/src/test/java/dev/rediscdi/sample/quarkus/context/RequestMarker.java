package dev.rediscdi.sample.quarkus.context;

import java.util.UUID;

import jakarta.enterprise.context.RequestScoped;

/** One per HTTP request: a continuation that sees the same id runs within the request that registered it. */
@RequestScoped
public class RequestMarker {
    private final String id = UUID.randomUUID().toString();

    public String id() {
        return id;
    }
}
