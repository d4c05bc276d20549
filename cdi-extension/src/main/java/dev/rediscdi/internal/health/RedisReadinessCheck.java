package dev.rediscdi.internal.health;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.inject.Vetoed;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;

import dev.rediscdi.RedisClient;

/**
 * Ready when Redis answers a {@code PING} within {@code health.timeout}. The PING goes through the client like any
 * command, so an open circuit breaker reports the client down at once, without waiting for Redis.
 *
 * <p>Registered as one synthetic bean per client, with this class as the bean class. {@code @Dependent} puts the
 * class into the bean archive of the library's jar, and so puts those synthetic beans there too: WildFly lets its
 * health endpoint (an extension of a server module) see the application's own bean archives, but not the extra
 * archive it would otherwise create for a class discovered in none. {@code @Vetoed} keeps the class itself from
 * being a bean.
 */
@Dependent
@Vetoed
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
        try {
            client.send("PING").toCompletableFuture().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            return new HealthCheckResponse(checkName, HealthCheckResponse.Status.UP, Optional.empty());
        } catch (TimeoutException e) {
            return down("no reply to PING within " + timeout.toMillis() + " ms");
        } catch (ExecutionException | CompletionException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            return down(String.valueOf(cause.getMessage()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return down("interrupted while waiting for PING");
        }
    }

    /** Built with the constructor, not the builder: the builder needs a provider that only a Health implementation has. */
    private HealthCheckResponse down(String error) {
        return new HealthCheckResponse(checkName, HealthCheckResponse.Status.DOWN, Optional.of(Map.of("error", error)));
    }

    @Override
    public String toString() {
        return "readiness check " + checkName;
    }
}
