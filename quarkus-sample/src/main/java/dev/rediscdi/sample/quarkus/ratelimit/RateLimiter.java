package dev.rediscdi.sample.quarkus.ratelimit;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletionStage;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import dev.rediscdi.RedisClient;
import dev.rediscdi.RedisScript;
import dev.rediscdi.ReplyType;

/**
 * A fixed-window rate limiter: at most {@code sample.rate-limit.requests} calls per client per
 * {@code sample.rate-limit.window}. One script counts the call and starts the window's expiry atomically, so that
 * every instance of the application shares the count and a crash between the two steps cannot leave a counter that
 * never expires.
 */
@ApplicationScoped
public class RateLimiter {

    /** The key prefix of the counters: {@code rate:CLIENT}. */
    public static final String KEY_PREFIX = "rate:";

    /** Counts the call; starts the window on the first one; answers {count, milliseconds left in the window}. */
    static final RedisScript COUNT = RedisScript.of("""
            local count = redis.call('INCR', KEYS[1])
            if count == 1 then
              redis.call('PEXPIRE', KEYS[1], ARGV[1])
            end
            return {count, redis.call('PTTL', KEYS[1])}
            """);

    /** What one call was granted. */
    public record Decision(boolean allowed, long limit, long remaining, Duration retryAfter) {
    }

    @Inject
    RedisClient redis;

    @ConfigProperty(name = "sample.rate-limit.requests", defaultValue = "5")
    long limit;

    @ConfigProperty(name = "sample.rate-limit.window", defaultValue = "10s")
    Duration window;

    public CompletionStage<Decision> acquire(String client) {
        return redis.eval(COUNT, ReplyType.listOf(ReplyType.LONG), List.of(KEY_PREFIX + client), window.toMillis())
                .thenApply(reply -> {
                    long count = reply.get(0);
                    Duration left = Duration.ofMillis(Math.max(reply.get(1), 0));
                    return new Decision(count <= limit, limit, Math.max(limit - count, 0), left);
                });
    }
}
