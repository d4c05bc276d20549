package dev.rediscdi.sample.quarkus;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.faulttolerance.Asynchronous;
import org.eclipse.microprofile.faulttolerance.Fallback;
import org.eclipse.microprofile.faulttolerance.Retry;

import dev.rediscdi.NamedRedisClient;
import dev.rediscdi.RedisClient;
import dev.rediscdi.RedisException;
import dev.rediscdi.ReplyType;

/** An application bean with MicroProfile Fault Tolerance annotations around a Redis call, as the README shows. */
@ApplicationScoped
public class GuardedLookup {
    private final AtomicInteger attempts = new AtomicInteger();

    @Inject
    @NamedRedisClient("unreachable")
    RedisClient unreachable;

    @Asynchronous
    @Retry(maxRetries = 2, delay = 10, retryOn = RedisException.class)
    @Fallback(fallbackMethod = "unknown", applyOn = RedisException.class)
    public CompletionStage<String> level(String sku) {
        attempts.incrementAndGet();
        return unreachable.execute(ReplyType.STRING, "GET", "stock:" + sku);
    }

    /** Calls of {@link #level} so far, retries included (a method: fields of a client proxy are not the bean's). */
    public int attempts() {
        return attempts.get();
    }

    CompletionStage<String> unknown(String sku) {
        return CompletableFuture.completedFuture("unknown");
    }
}
