package dev.rediscdi.tests.readme;

import java.util.concurrent.CompletionStage;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import dev.rediscdi.BlockingRedisClient;
import dev.rediscdi.NamedRedisClient;
import dev.rediscdi.RedisClient;
import dev.rediscdi.ReplyType;

@ApplicationScoped
public class PageVisits {

    @Inject
    RedisClient redis;                        // the default client: redis.*

    @Inject
    @NamedRedisClient("cache")
    BlockingRedisClient cache;                // a named client: redis.cache.*

    public CompletionStage<Long> visit(String page) {
        return redis.execute(ReplyType.LONG, "INCR", "visits:" + page);
    }

    public void remember(String key, String value) {
        cache.send("SET", key, value, "EX", 60);
    }

    public String recall(String key) {
        return cache.execute(ReplyType.STRING, "GET", key);
    }
}
