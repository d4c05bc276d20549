package dev.rediscdi.internal.config;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.redis.client.RedisOptions;

/**
 * {@link RedisOptions} whose JSON and text forms hide the password. The driver 4.5 keeps the ACL user and the
 * password in the endpoint URIs (it has no {@code setUser}), and its {@code toJson()} prints them: a customizer
 * or a debugging user who logs the options would leak them. The driver itself never calls {@code toJson()}.
 */
final class MaskedRedisOptions extends RedisOptions {

    @Override
    public JsonObject toJson() {
        JsonObject json = super.toJson();
        if (json.containsKey("password")) {
            json.put("password", "***");
        }
        Object endpoints = json.getValue("endpoints");
        if (endpoints instanceof JsonArray list) {
            JsonArray masked = new JsonArray();
            list.forEach(endpoint -> masked.add(Secrets.maskUris(String.valueOf(endpoint))));
            json.put("endpoints", masked);
        }
        for (String single : new String[] { "endpoint", "connectionString" }) {
            if (json.getValue(single) instanceof String uri) {
                json.put(single, Secrets.maskUris(uri));
            }
        }
        return json;
    }

    @Override
    public String toString() {
        return "RedisOptions" + toJson().encode();
    }
}
