package dev.rediscdi.tests.faults;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.jboss.weld.environment.se.WeldContainer;
import org.junit.jupiter.api.Test;

import dev.rediscdi.RedisClient;
import dev.rediscdi.RedisConnectionException;
import dev.rediscdi.RedisException;
import dev.rediscdi.RedisTimeoutException;
import dev.rediscdi.ScopedConnection;
import dev.rediscdi.testing.RedisServer;
import dev.rediscdi.tests.Containers;
import dev.rediscdi.tests.TestConfig;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.Request;
import io.vertx.redis.client.Response;

/**
 * Commands that could not be written: through pooled connections that cannot be opened (batches, withConnection,
 * blocking commands), or waiting for a place in a pipeline. What fails says nothing was sent, safe to retry, and the
 * client's leases all come back.
 */
class UnopenableConnectionIT {
    private static final List<Request> TWO_INCRS = List.of(Request.cmd(Command.INCR).arg("n"), Request.cmd(Command.INCR).arg("n"));

    /**
     * An endpoint that accepts and closes (a proxy or load balancer whose Redis is down): the driver reports the
     * failed handshake as an error reply, CONNECTION_CLOSED. No command reached Redis: not "may have run".
     */
    @Test
    void shouldSayNothingWasSentWhenTheConnectionClosesDuringItsHandshake() throws Exception {
        try (ServerSocket closer = new ServerSocket()) {
            closer.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            Thread acceptor = new Thread(() -> acceptAndClose(closer), "accept-and-close");
            acceptor.setDaemon(true);
            acceptor.start();
            try (TestConfig config = TestConfig.of("redis.hosts", "redis://127.0.0.1:" + closer.getLocalPort(), "redis.timeout", "2s",
                    "redis.retry.enabled", "false");
                    WeldContainer weld = Containers.boot()) {
                RedisClient redis = weld.select(RedisClient.class).get();

                Outcome<List<Response>> batch = Outcome.of(redis.batch(TWO_INCRS)).get(10, TimeUnit.SECONDS);
                Outcome<Response> scoped = Outcome.of(redis.withConnection((ScopedConnection c) -> c.send("INCR", "n")))
                        .get(10, TimeUnit.SECONDS);

                for (Throwable failure : List.of(batch.failure(), scoped.failure())) {
                    assertThat(failure).isExactlyInstanceOf(RedisConnectionException.class).hasMessageContaining("cannot connect to Redis");
                    assertThat(((RedisException) failure).isSafeToRetry()).as("safe to retry: nothing was sent").isTrue();
                }
            }
        }
    }

    /**
     * Redis at maxclients answers the driver's handshake with an error its connect never reports: unless Redis also
     * closes the socket, the connect never completes. The withConnection and the blocking pop that waited for it fail
     * at their deadline, and their leases come back: once Redis takes connections again, both work (with one lease, each
     * lost lease would have failed them for good). A batch rides the pipelined connection, open already: it runs.
     */
    @Test
    void shouldGiveLeasesBackWhenTheConnectionNeverOpens() throws Exception {
        try (RedisServer server = RedisServer.builder().start();
                TestConfig config = TestConfig.of("redis.hosts", server.uri(), "redis.timeout", "500ms", "redis.max-pool-size", "2",
                        "redis.connections", "1", "redis.max-blocking-connections", "1", "redis.retry.enabled", "false",
                        "redis.circuit-breaker.enabled", "false");
                WeldContainer weld = Containers.boot()) {
            RedisClient redis = weld.select(RedisClient.class).get();
            redis.send("PING").toCompletableFuture().get(5, TimeUnit.SECONDS); // the pipelined connection is open
            takeNoMoreConnections(redis);
            Outcome<List<Response>> batch;
            Outcome<Response> scoped;
            Outcome<Response> blockingPop;
            try {
                batch = Outcome.of(redis.batch(TWO_INCRS)).get(10, TimeUnit.SECONDS);
                scoped = Outcome.of(redis.withConnection((ScopedConnection c) -> c.send("PING"))).get(10, TimeUnit.SECONDS);
                blockingPop = Outcome.of(redis.send("BLPOP", "queue", "0.2")).get(10, TimeUnit.SECONDS);
            } finally {
                redis.send("CONFIG", "SET", "maxclients", "10000").toCompletableFuture().get(5, TimeUnit.SECONDS);
            }
            assertThat(batch.failure()).as("the batch at maxclients, on the pipelined connection").isNull();
            // Redis may also close the refused connection: then the connect fails before the deadline
            assertThat(scoped.failure()).as("withConnection at maxclients").isInstanceOfAny(RedisTimeoutException.class,
                    RedisConnectionException.class);
            assertThat(blockingPop.failure()).as("BLPOP at maxclients").isInstanceOfAny(RedisTimeoutException.class,
                    RedisConnectionException.class);
            for (Throwable failure : List.of(scoped.failure(), blockingPop.failure())) {
                assertThat(((RedisException) failure).isSafeToRetry()).as("safe to retry, nothing was sent: " + failure).isTrue();
            }

            for (int i = 0; i < 3; i++) {
                assertThat(redis.withConnection((ScopedConnection c) -> c.send("PING")).toCompletableFuture().get(5, TimeUnit.SECONDS))
                        .hasToString("PONG");
                assertThat(redis.batch(TWO_INCRS).toCompletableFuture().get(5, TimeUnit.SECONDS)).hasSize(2);
                redis.send("RPUSH", "queue", "job").toCompletableFuture().get(5, TimeUnit.SECONDS);
                assertThat(redis.send("BLPOP", "queue", "1").toCompletableFuture().get(5, TimeUnit.SECONDS).get(1)).hasToString("job");
            }
        }
    }

    /**
     * Commands beyond the pipelining depth wait in the client for a place. Redis paused, the two written ones may
     * have run when their deadline passes; the eight still waiting surely did not, and say so: safe to retry, even
     * INCR. Once Redis resumes, the counter shows at most the two.
     */
    @Test
    void shouldSayCommandsThatWaitedForAPlaceInThePipelineWereNotSent() throws Exception {
        try (RedisServer server = RedisServer.builder().start();
                TestConfig config = TestConfig.of("redis.hosts", server.uri(), "redis.timeout", "500ms", "redis.max-waiting-handlers", "2",
                        "redis.retry.enabled", "false", "redis.circuit-breaker.enabled", "false");
                WeldContainer weld = Containers.boot()) {
            RedisClient redis = weld.select(RedisClient.class).get();
            redis.send("PING").toCompletableFuture().get(5, TimeUnit.SECONDS);
            server.command("CLIENT", "PAUSE", "1500", "WRITE");
            List<CompletableFuture<Outcome<Response>>> incrs = new ArrayList<>();
            for (int i = 0; i < 10; i++) {
                incrs.add(Outcome.of(redis.send("INCR", "counter")));
            }
            int mayHaveRun = 0;
            for (CompletableFuture<Outcome<Response>> incr : incrs) {
                Throwable failure = incr.get(10, TimeUnit.SECONDS).failure();
                assertThat(failure).isInstanceOf(RedisTimeoutException.class);
                if (((RedisException) failure).isSafeToRetry()) {
                    assertThat(failure).hasMessageContaining("was not sent");
                } else {
                    assertThat(failure).hasMessageContaining("may or may not have run");
                    mayHaveRun++;
                }
            }
            assertThat(mayHaveRun).as("INCRs written, the pipelining depth").isEqualTo(2);
            Thread.sleep(1200); // the pause ends
            // the two written may have run or not (their silent connection was closed as dead); the others did not
            Response counter = redis.send("GET", "counter").toCompletableFuture().get(5, TimeUnit.SECONDS);
            assertThat(counter == null ? 0 : counter.toLong()).as("INCRs run").isLessThanOrEqualTo(mayHaveRun);
        }
    }

    /** Sets maxclients to the connections open now, through the client's own: a new one would be refused. */
    private static void takeNoMoreConnections(RedisClient redis) throws Exception {
        String connected = redis.send("INFO", "clients").toCompletableFuture().get(5, TimeUnit.SECONDS).toString().lines()
                .filter(line -> line.startsWith("connected_clients:")).findFirst().orElseThrow().split(":")[1].trim();
        redis.send("CONFIG", "SET", "maxclients", connected).toCompletableFuture().get(5, TimeUnit.SECONDS);
    }

    private static void acceptAndClose(ServerSocket server) {
        for (int i = 0; i < 1000 && !server.isClosed(); i++) {
            try (Socket accepted = server.accept()) {
                accepted.getInputStream().read(new byte[64]); // the handshake's first bytes, then a graceful close
            } catch (IOException closed) {
                return; // the test is over: the server socket closed
            }
        }
    }

    /**
     * The pipelined connection is lost while Redis is at maxclients: the reopening connection's handshake gets an
     * error the driver's connect never reports. The attempt fails at the timeout, and once Redis takes connections
     * again, commands work again.
     */
    @Test
    void shouldReopenThePipelinedConnectionOnceRedisTakesConnectionsAgain() throws Exception {
        try (RedisServer server = RedisServer.builder().start();
                TestConfig config = TestConfig.of("redis.hosts", server.uri(), "redis.timeout", "500ms", "redis.connections", "1",
                        "redis.retry.enabled", "false", "redis.circuit-breaker.enabled", "false");
                WeldContainer weld = Containers.boot()) {
            RedisClient redis = weld.select(RedisClient.class).get();
            redis.send("SET", "k", "v").toCompletableFuture().get(5, TimeUnit.SECONDS);
            takeNoMoreConnections(redis);
            long id = redis.send("CLIENT", "ID").toCompletableFuture().get(5, TimeUnit.SECONDS).toLong();
            Outcome.of(redis.send("CLIENT", "KILL", "ID", Long.toString(id), "SKIPME", "no")).get(5, TimeUnit.SECONDS);
            Thread.sleep(300);
            Outcome<Response> atMaxclients;
            try (Socket filler = new Socket(InetAddress.getLoopbackAddress(), server.port())) { // takes the freed place
                Thread.sleep(100);
                atMaxclients = Outcome.of(redis.send("GET", "k")).get(5, TimeUnit.SECONDS);
            }
            assertThat(atMaxclients.failure()).as("GET at maxclients").isInstanceOfAny(RedisTimeoutException.class,
                    RedisConnectionException.class);
            assertThat(((RedisException) atMaxclients.failure()).isSafeToRetry()).as("not sent").isTrue();
            Thread.sleep(300); // Redis has seen the filler go: a place is free

            Outcome<Response> after = null;
            for (int attempt = 0; attempt < 10; attempt++) {
                after = Outcome.of(redis.send("GET", "k")).get(5, TimeUnit.SECONDS);
                if (after.succeeded()) {
                    break;
                }
                Thread.sleep(200);
            }
            if (!after.succeeded()) {
                assertThat(server.command("GET", "k")).as("a new connection from elsewhere works").contains("v");
            }
            assertThat(after.failure()).as("GET once Redis takes connections again (10 tries over ~7 s)").isNull();
            assertThat(after.value()).hasToString("v");
        }
    }
}
