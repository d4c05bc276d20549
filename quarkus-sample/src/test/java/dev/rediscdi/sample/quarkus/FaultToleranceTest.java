package dev.rediscdi.sample.quarkus;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import dev.rediscdi.NamedRedisClient;
import dev.rediscdi.RedisCircuitOpenException;
import dev.rediscdi.RedisClient;
import dev.rediscdi.RedisConnectionException;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The client's retries and breaker on Quarkus with quarkus-smallrye-fault-tolerance on the class path, and an
 * application bean's own MicroProfile Fault Tolerance annotations around a Redis call.
 */
@QuarkusTest
@WithTestResource(RedisServerResource.class)
class FaultToleranceTest {

    @Inject
    @NamedRedisClient("unreachable")
    RedisClient unreachable;

    @Inject
    GuardedLookup guarded;

    @Test
    void shouldRetryAndFallBackWithTheApplicationsOwnAnnotations() throws Exception {
        int before = guarded.attempts();
        String level = guarded.level("42").toCompletableFuture().get(30, TimeUnit.SECONDS);
        assertThat(level).isEqualTo("unknown");
        assertThat(guarded.attempts() - before).as("the first call and two retries").isEqualTo(3);
    }

    @Test
    void shouldFailFastOnceTheBreakerOfAnUnreachableRedisOpened() throws Exception {
        List<CompletableFuture<Throwable>> calls = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            calls.add(unreachable.send("GET", "k").toCompletableFuture().handle((reply, failure) ->
                    failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure));
        }
        CompletableFuture.allOf(calls.toArray(CompletableFuture[]::new)).get(30, TimeUnit.SECONDS);

        List<Throwable> failures = calls.stream().map(CompletableFuture::join).toList();
        assertThat(failures).allSatisfy(failure -> assertThat(failure)
                .isInstanceOfAny(RedisConnectionException.class, RedisCircuitOpenException.class));
        assertThat(failures).anyMatch(RedisCircuitOpenException.class::isInstance);
        CompletableFuture<Throwable> after = unreachable.send("GET", "k").toCompletableFuture().handle((reply, failure) ->
                failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure);
        assertThat(after.get(5, TimeUnit.SECONDS)).isInstanceOf(RedisCircuitOpenException.class);
    }
}
