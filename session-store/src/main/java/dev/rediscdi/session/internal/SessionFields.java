package dev.rediscdi.session.internal;

import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

import io.vertx.redis.client.Response;

/** The field names of a session hash, and their decoding from a reply. */
final class SessionFields {
    static final String CREATED = "#c";
    static final String MAX_INACTIVE = "#i";
    static final String ACCESSED = "#a";
    static final String DEADLINE = "#d";
    static final String ATTRIBUTE = "=";

    private SessionFields() {
    }

    static String attribute(String name) {
        return ATTRIBUTE + name;
    }

    /** A session from the flat field/value array of HGETALL; {@code null} when the hash was empty. */
    static StoredSession decode(String id, long lastAccessed, Response fields) {
        if (fields == null || fields.size() == 0) {
            return null;
        }
        Map<String, byte[]> attributes = new LinkedHashMap<>();
        long created = lastAccessed;
        int maxInactive = 0;
        for (int i = 0; i + 1 < fields.size(); i += 2) {
            String field = fields.get(i).toString();
            if (field.startsWith(ATTRIBUTE)) {
                attributes.put(field.substring(ATTRIBUTE.length()), fields.get(i + 1).toBytes());
            } else if (field.equals(CREATED)) {
                created = Long.parseLong(fields.get(i + 1).toString());
            } else if (field.equals(MAX_INACTIVE)) {
                maxInactive = Integer.parseInt(fields.get(i + 1).toString());
            }
        }
        return new StoredSession(id, created, lastAccessed, maxInactive, Collections.unmodifiableMap(attributes));
    }

    /** A numeric metadata field of the flat field/value array; 0 when missing. */
    static long number(Response fields, String name) {
        for (int i = 0; fields != null && i + 1 < fields.size(); i += 2) {
            if (fields.get(i).toString().equals(name)) {
                return Long.parseLong(fields.get(i + 1).toString());
            }
        }
        return 0;
    }

    static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
