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
import dev.rediscdi.testing.TcpProxy;
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

    /**
     * A pipeline whose connection closes after it was written: Redis may have run any of it. One of idempotent
     * commands only is one attempt under the policy, and runs again whole; another keeps each command's own outcome,
     * so that the caller learns which got a reply, and is not run again (its INCR ran once).
     */
    @Test
    void shouldRunAgainAnIdempotentPipelineWhoseConnectionWasLostAndNeverAnotherOne() throws Exception {
        try (RedisServer server = RedisServer.builder().start();
                TcpProxy proxy = TcpProxy.to(server.port());
                TestConfig config = TestConfig.of("redis.hosts", proxy.uri(), "redis.timeout", "5s",
                        "redis.retry.max-retries", "3", "redis.retry.delay", "100ms", "redis.circuit-breaker.enabled", "false");
                WeldContainer weld = Containers.boot()) {
            RedisClient redis = weld.select(RedisClient.class).get();
            redis.send("PING").toCompletableFuture().get(5, TimeUnit.SECONDS);
            CompletableFuture<Outcome<CommandResults>> idempotent;
            CompletableFuture<Outcome<CommandResults>> counting;
            server.freeze();
            try {
                idempotent = Outcome.of(redis.pipeline(p -> {
                    p.value(String.class).set("lost:a", "1");
                    p.value(String.class).get("lost:a");
                }));
                counting = Outcome.of(redis.pipeline(p -> {
                    p.value(String.class).incr("lost:n");
                    p.value(String.class).get("lost:a");
                }));
                Thread.sleep(300); // written, through the proxy, into the frozen server's socket
                proxy.cutOpenConnections(Duration.ofMillis(100));
            } finally {
                server.unfreeze();
            }

            Outcome<CommandResults> again = idempotent.get(BOUND.toMillis(), TimeUnit.MILLISECONDS);
            assertThat(again.failure()).as("the idempotent pipeline, run again").isNull();
            assertThat(again.value().hasErrors()).as("its commands' errors: %s", again.value()).isFalse();
            assertThat(again.value().<String>get(1)).isEqualTo("1");

            Outcome<CommandResults> once = counting.get(BOUND.toMillis(), TimeUnit.MILLISECONDS);
            assertThat(once.failure()).as("a pipeline with an INCR answers each command's outcome").isNull();
            assertThat(once.value().error(0)).isInstanceOf(RedisConnectionLostException.class)
                    .hasMessageContaining("it may or may not have run");
            assertThat(once.value().error(1)).isInstanceOf(RedisConnectionLostException.class);
            String counted = null;
            for (int i = 0; i < 50 && counted == null; i++) { // the frozen server reads what it was sent once it runs again
                counted = server.command("GET", "lost:n");
                Thread.sleep(counted == null ? 100 : 0);
            }
            Thread.sleep(500); // a retry, if any, would come within its 100 ms delay
            assertThat(server.command("GET", "lost:n")).as("the INCR ran once").isEqualTo("1");
        }
    }
}
