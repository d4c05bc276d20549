package dev.rediscdi.internal.health;

import java.time.Duration;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;

import dev.rediscdi.RedisClient;

/**
 * Ready when Redis answers a {@code PING} within {@code health.timeout}. The PING goes through the client like any
 * command, so an open circuit breaker reports the client down at once, without waiting for Redis.
 */
public final class RedisReadinessCheck implements HealthCheck {
    private final String checkName;
    private final RedisClient client;
    private final Duration timeout;

    public RedisReadinessCheck(String checkName, RedisClient client, Duration timeout) {
        this.checkName = checkName;
        this.client = client;
        this.timeout = timeout;
    }

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder response = HealthCheckResponse.named(checkName);
        try {
            client.send("PING").toCompletableFuture().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            return response.up().build();
        } catch (TimeoutException e) {
            return response.down().withData("error", "no reply to PING within " + timeout.toMillis() + " ms").build();
        } catch (ExecutionException | CompletionException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            return response.down().withData("error", String.valueOf(cause.getMessage())).build();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return response.down().withData("error", "interrupted while waiting for PING").build();
        }
    }

    @Override
    public String toString() {
        return "readiness check " + checkName;
    }
}
