package dev.rediscdi.internal.codec;

import java.lang.annotation.Annotation;

import jakarta.enterprise.inject.Instance;
import jakarta.json.bind.Jsonb;

/** The application's {@link Jsonb} bean for one client, if it declared one. Loaded only when JSON-B is present. */
final class JsonbBeans {
    private JsonbBeans() {
    }

    static Object qualified(Instance<Object> lookup, Annotation clientName, String clientLabel) {
        Instance<Jsonb> jsonb = lookup.select(Jsonb.class, clientName);
        CdiCodecs.requireAtMostOne(jsonb, clientLabel, "Jsonb");
        return jsonb.isResolvable() ? jsonb.get() : null;
    }
}
