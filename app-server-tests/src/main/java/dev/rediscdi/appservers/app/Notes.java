package dev.rediscdi.appservers.app;

import java.util.concurrent.CompletionStage;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import dev.rediscdi.RedisClient;
import dev.rediscdi.ReplyType;

/** An application bean on the default client ({@code redis.*}), asynchronous. */
@ApplicationScoped
public class Notes {

    @Inject
    RedisClient redis;

    public CompletionStage<Boolean> write(String key, String value) {
        return redis.execute(ReplyType.OK, "SET", key, value);
    }

    public CompletionStage<String> read(String key) {
        return redis.execute(ReplyType.STRING, "GET", key);
    }
}
