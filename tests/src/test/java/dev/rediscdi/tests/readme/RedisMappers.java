package dev.rediscdi.tests.readme;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.JsonbConfig;

import dev.rediscdi.NamedRedisClient;

@ApplicationScoped
public class RedisMappers {

    @Produces
    @Singleton
    @NamedRedisClient("cache")                 // the JSON of the "cache" client, and of no other
    Jsonb cacheJson() {
        return JsonbBuilder.create(new JsonbConfig().withNullValues(true));
    }
}
