package dev.rediscdi.appservers.app;

import java.util.concurrent.CompletionStage;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.faulttolerance.Asynchronous;
import org.eclipse.microprofile.faulttolerance.Fallback;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.Timeout;

import dev.rediscdi.RedisClient;
import dev.rediscdi.RedisConnectionException;
import dev.rediscdi.RedisReplyException;
import dev.rediscdi.ReplyType;

/**
 * An application bean that puts MicroProfile Fault Tolerance annotations around its Redis call, applied by the
 * server's own Fault Tolerance implementation. The default client's deadline ({@code redis.timeout}, 10 s) is
 * far longer than {@code @Timeout}: when Redis does not answer, the annotation fires first and the fallback
 * answers.
 */
@ApplicationScoped
public class Inventory {

    @Inject
    RedisClient redis;

    @Asynchronous
    @Timeout(500)
    @Retry(maxRetries = 2, retryOn = RedisConnectionException.class, abortOn = RedisReplyException.class)
    @Fallback(InventoryFallback.class)
    public CompletionStage<String> level(String sku) {
        return redis.execute(ReplyType.STRING, "GET", "stock:" + sku);
    }
}
