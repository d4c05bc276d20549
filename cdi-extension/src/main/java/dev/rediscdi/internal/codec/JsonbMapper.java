package dev.rediscdi.internal.codec;

import java.util.function.Supplier;

import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;

/**
 * The {@link Jsonb} of one client: the application's bean qualified with the client's name, or one of its own,
 * created on first use and closed with the client. Never the application's unqualified {@code Jsonb}: settings
 * meant for a REST API must not change what is stored in Redis.
 */
final class JsonbMapper implements AutoCloseable {
    private final Supplier<Object> provided;
    private Jsonb jsonb;
    private boolean owned;

    JsonbMapper(Supplier<Object> provided) {
        this.provided = provided;
    }

    static boolean available() {
        try {
            Class.forName("jakarta.json.bind.JsonbBuilder", false, JsonbMapper.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }

    synchronized Jsonb get() {
        if (jsonb == null) {
            Object bean = provided.get();
            owned = bean == null;
            jsonb = owned ? JsonbBuilder.create() : (Jsonb) bean;
        }
        return jsonb;
    }

    @Override
    public synchronized void close() {
        if (owned && jsonb != null) {
            try {
                jsonb.close();
            } catch (Exception ignored) {
                // closing a mapper frees caches only
            }
        }
        jsonb = null;
    }
}
