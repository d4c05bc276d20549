package dev.rediscdi.tests.faults;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.jboss.weld.environment.se.WeldContainer;
import org.junit.jupiter.api.Test;

import dev.rediscdi.CommandResults;
import dev.rediscdi.RedisCircuitOpenException;
import dev.rediscdi.RedisClient;
import dev.rediscdi.RedisConnectionException;
import dev.rediscdi.RedisConnectionLostException;
import dev.rediscdi.tests.Containers;
import dev.rediscdi.tests.TestConfig;
import dev.rediscdi.testing.RedisServer;
import io.vertx.redis.client.Response;

/** Pipelines, transactions and scoped connections go through the client's breaker and its retries of what was never sent. */
class PipelinesAndTransactionsUnderPolicyIT {
    private static final Duration BOUND = Duration.ofSeconds(20);

    @Test
    void shouldFailPipelinesTransactionsAndScopedConnectionsFastWhileTheBreakerIsOpen() throws Exception {
        try (RedisServer server = RedisServer.builder().start();
                TestConfig config = TestConfig.of("redis.hosts", server.uri(), "redis.timeout", "2s",
                        "redis.retry.enabled", "false",
                        "redis.circuit-breaker.request-volume-threshold", "4",
                        "redis.circuit-breaker.failure-ratio", "0.5",
                        "redis.circuit-breaker.delay", "30s");
                WeldContainer weld = Containers.boot()) {
            RedisClient redis = weld.select(RedisClient.class).get();
            redis.send("PING").toCompletableFuture().get(5, TimeUnit.SECONDS);
            server.stop();
            Throwable last = null;
            for (int i = 0; i < 20 && !(last instanceof RedisCircuitOpenException); i++) {
                last = Outcome.of(redis.send("GET", "down:" + i)).get(BOUND.toMillis(), TimeUnit.MILLISECONDS).failure();
                // a GET sent just as the server stopped may have been in flight: lost rather than not sent
                assertThat(last).isInstanceOfAny(RedisConnectionException.class, RedisConnectionLostException.class,
                        RedisCircuitOpenException.class);
            }
            assertThat(last).as("the breaker opened after failed commands").isInstanceOf(RedisCircuitOpenException.class);

            Outcome<CommandResults> pipeline = Outcome.of(redis.pipeline(p -> p.value(String.class).set("p", "1")))
                    .get(BOUND.toMillis(), TimeUnit.MILLISECONDS);
            Outcome<CommandResults> transaction = Outcome.of(redis.transaction(tx -> tx.value(String.class).incr("t")))
                    .get(BOUND.toMillis(), TimeUnit.MILLISECONDS);
            Outcome<Response> scoped = Outcome.of(redis.withConnection(connection -> connection.send("PING")))
                    .get(BOUND.toMillis(), TimeUnit.MILLISECONDS);

            assertThat(pipeline.failure()).isInstanceOf(RedisCircuitOpenException.class);
            assertThat(transaction.failure()).isInstanceOf(RedisCircuitOpenException.class);
            assertThat(scoped.failure()).isInstanceOf(RedisCircuitOpenException.class);
        }
    }

    @Test
    void shouldSendPipelinesAndTransactionsThatCouldNotConnectOnceRedisIsBack() throws Exception {
        try (RedisServer server = RedisServer.builder().start();
                TestConfig config = TestConfig.of("redis.hosts", server.uri(), "redis.timeout", "5s",
                        "redis.retry.max-retries", "40", "redis.retry.delay", "200ms", "redis.retry.max-duration", "15s",
                        "redis.circuit-breaker.enabled", "false");
                WeldContainer weld = Containers.boot()) {
            RedisClient redis = weld.select(RedisClient.class).get();
            redis.send("PING").toCompletableFuture().get(5, TimeUnit.SECONDS);
            server.stop();
            // lets the client see its connections close: what is written into a dying socket may be lost in
            // flight, and an INCR lost in flight is rightly not sent again (FaultInjectionIT covers that case)
            Thread.sleep(500);

            CompletableFuture<Outcome<CommandResults>> pipeline = Outcome.of(redis.pipeline(p -> {
                p.value(String.class).set("pipelined", "yes");
                p.value(String.class).incr("pipelined:n");
            }));
            CompletableFuture<Outcome<CommandResults>> transaction = Outcome.of(redis.transaction(tx -> tx.value(String.class).incr("transacted:n")));
            Thread.sleep(600);
            server.restart();

            Outcome<CommandResults> piped = pipeline.get(BOUND.toMillis(), TimeUnit.MILLISECONDS);
            Outcome<CommandResults> transacted = transaction.get(BOUND.toMillis(), TimeUnit.MILLISECONDS);
            assertThat(piped.failure()).as("a pipeline that never left is sent again").isNull();
            assertThat(piped.value().hasErrors()).as("errors of the pipeline's commands: %s", piped.value()).isFalse();
            assertThat(transacted.failure()).as("a transaction whose connection could not be leased is run once leased").isNull();
            assertThat(server.command("GET", "pipelined")).isEqualTo("yes");
            assertThat(server.command("GET", "pipelined:n")).as("the INCR of the pipeline ran once").isEqualTo("1");
            assertThat(server.command("GET", "transacted:n")).as("the INCR of the transaction ran once").isEqualTo("1");
        }
    }
}
