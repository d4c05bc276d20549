package dev.rediscdi.tests.faults;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.faulttolerance.Asynchronous;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Fallback;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;
import org.eclipse.microprofile.faulttolerance.exceptions.TimeoutException;
import org.jboss.weld.environment.se.WeldContainer;
import org.jboss.weld.junit5.WeldInitiator;
import org.junit.jupiter.api.Test;

import dev.rediscdi.RedisCircuitOpenException;
import dev.rediscdi.RedisClient;
import dev.rediscdi.RedisConnectionException;
import dev.rediscdi.RedisConnectionLostException;
import dev.rediscdi.RedisException;
import dev.rediscdi.RedisReplyException;
import dev.rediscdi.ReplyType;
import dev.rediscdi.tests.Eventually;
import dev.rediscdi.tests.TestConfig;
import dev.rediscdi.testing.RedisServer;
import io.smallrye.config.inject.ConfigExtension;
import io.smallrye.faulttolerance.FaultToleranceExtension;
import io.vertx.redis.client.Response;

/**
 * An application bean with MicroProfile Fault Tolerance annotations around Redis calls, run by SmallRye Fault
 * Tolerance in Weld: the library's exceptions are what {@code retryOn}, {@code abortOn} and {@code failOn} need.
 */
class MicroProfileAnnotationsIT {
    private static final long BOUND_MILLIS = 20_000;

    @ApplicationScoped
    public static class Stock {
        private final AtomicInteger calls = new AtomicInteger();
        @Inject
        RedisClient redis;

        @Asynchronous
        @Retry(maxRetries = 2, retryOn = RedisConnectionException.class, abortOn = RedisReplyException.class)
        @Fallback(fallbackMethod = "unknown", applyOn = RedisException.class)
        public CompletionStage<String> level(String sku) {
            calls.incrementAndGet();
            return redis.execute(ReplyType.STRING, "GET", "stock:" + sku);
        }

        /** Invocations of {@link #level}, retries included. */
        public AtomicInteger calls() {
            return calls;
        }

        CompletionStage<String> unknown(String sku) {
            return CompletableFuture.completedFuture("unknown");
        }

        @Asynchronous
        @Timeout(300)
        public CompletionStage<String> quickly(String sku) {
            return redis.execute(ReplyType.STRING, "GET", "stock:" + sku);
        }

        @Asynchronous
        @CircuitBreaker(requestVolumeThreshold = 2, failureRatio = 1, delay = 60_000, failOn = RedisConnectionException.class)
        public CompletionStage<String> guarded(String sku) {
            return redis.execute(ReplyType.STRING, "GET", "stock:" + sku);
        }
    }

    /** A container with the extensions of SmallRye Fault Tolerance and Config, as servers with MicroProfile have. */
    private static WeldContainer withFaultTolerance() {
        return WeldInitiator.createWeld().addExtension(new FaultToleranceExtension()).addExtension(new ConfigExtension())
                .addBeanClass(Stock.class).initialize();
    }

    @Test
    void shouldRetryFallBackTimeOutAndBreakAsAnnotated() throws Exception {
        try (RedisServer server = RedisServer.builder().start();
                TestConfig config = TestConfig.of("redis.hosts", server.uri(), "redis.timeout", "10s", "redis.retry.enabled", "false",
                        "redis.circuit-breaker.enabled", "false");
                WeldContainer weld = withFaultTolerance()) {
            Stock stock = weld.select(Stock.class).get();
            server.command("SET", "stock:a", "7");
            server.command("LPUSH", "stock:b", "not a string");

            assertThat(stock.level("a").toCompletableFuture().get(BOUND_MILLIS, TimeUnit.MILLISECONDS)).isEqualTo("7");

            stock.calls().set(0);
            assertThat(stock.level("b").toCompletableFuture().get(BOUND_MILLIS, TimeUnit.MILLISECONDS))
                    .as("WRONGTYPE: aborted, then the fallback").isEqualTo("unknown");
            assertThat(stock.calls()).as("abortOn RedisReplyException: no retry").hasValue(1);

            server.freeze();
            try {
                assertThat(stock.quickly("a").toCompletableFuture()).failsWithin(Duration.ofMillis(BOUND_MILLIS))
                        .withThrowableOfType(ExecutionException.class).havingCause().isInstanceOf(TimeoutException.class);
            } finally {
                server.unfreeze();
            }

            server.stop();
            RedisClient redis = weld.select(RedisClient.class).get();
            Eventually.get(Duration.ofSeconds(10), () -> {
                // the connection has noticed: calls now fail as never sent, not as lost in flight
                Throwable failure = Outcome.of(redis.send("PING")).get(BOUND_MILLIS, TimeUnit.MILLISECONDS).failure();
                if (!(failure instanceof RedisConnectionException)) {
                    throw new IllegalStateException("not yet refused: " + failure);
                }
                return failure;
            });
            stock.calls().set(0);
            assertThat(stock.level("a").toCompletableFuture().get(BOUND_MILLIS, TimeUnit.MILLISECONDS)).isEqualTo("unknown");
            assertThat(stock.calls()).as("retryOn RedisConnectionException: first call and two retries").hasValue(3);

            for (int i = 0; i < 2; i++) {
                assertThat(stock.guarded("a").toCompletableFuture()).failsWithin(Duration.ofMillis(BOUND_MILLIS))
                        .withThrowableOfType(ExecutionException.class).havingCause().isInstanceOf(RedisConnectionException.class);
            }
            assertThat(stock.guarded("a").toCompletableFuture()).failsWithin(Duration.ofMillis(BOUND_MILLIS))
                    .withThrowableOfType(ExecutionException.class).havingCause().isInstanceOf(CircuitBreakerOpenException.class);
        }
    }

    @Test
    void shouldTurnTheClientsRetriesAndBreakerOffWithMicroProfilesSwitch() throws Exception {
        try (RedisServer server = RedisServer.builder().start();
                TestConfig config = TestConfig.of("redis.hosts", server.uri(), "MP_Fault_Tolerance_NonFallback_Enabled", "false",
                        "redis.circuit-breaker.request-volume-threshold", "2");
                WeldContainer weld = withFaultTolerance()) {
            RedisClient redis = weld.select(RedisClient.class).get();
            Stock stock = weld.select(Stock.class).get();
            redis.send("PING").toCompletableFuture().get(5, TimeUnit.SECONDS);
            server.stop();

            for (int i = 0; i < 10; i++) {
                CompletableFuture<Outcome<Response>> call = Outcome.of(redis.send("GET", "off"));
                assertThat(call.get(BOUND_MILLIS, TimeUnit.MILLISECONDS).failure()).as("no breaker: never RedisCircuitOpenException")
                        .isInstanceOfAny(RedisConnectionException.class, RedisConnectionLostException.class)
                        .isNotInstanceOf(RedisCircuitOpenException.class);
            }
            stock.calls().set(0);
            assertThat(Outcome.of(stock.level("a")).get(BOUND_MILLIS, TimeUnit.MILLISECONDS).failure())
                    .as("neither the client nor @Retry retried").isInstanceOf(RedisConnectionException.class);
            assertThat(stock.calls()).hasValue(1);
        }
    }
}
