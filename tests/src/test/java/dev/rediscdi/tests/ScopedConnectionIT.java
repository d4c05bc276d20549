package dev.rediscdi.tests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import jakarta.inject.Inject;

import org.jboss.weld.junit5.WeldInitiator;
import org.jboss.weld.junit5.WeldJunit5Extension;
import org.jboss.weld.junit5.WeldSetup;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

import dev.rediscdi.RedisClient;
import dev.rediscdi.ReplyType;
import dev.rediscdi.testing.RedisServer;
import dev.rediscdi.testing.RedisServerExtension;
import io.vertx.redis.client.Response;

@ExtendWith(WeldJunit5Extension.class)
class ScopedConnectionIT {

    @RegisterExtension
    static final RedisServerExtension REDIS = new RedisServerExtension(RedisServer.builder());

    @RegisterExtension
    final TestConfig config = TestConfig.of("redis.hosts", REDIS.server().uri(), "redis.max-pool-size", "2", "redis.connections", "1");

    @WeldSetup
    WeldInitiator weld = Containers.initiator();

    @Inject
    RedisClient redis;

    @Test
    void shouldRunAWatchedTransactionOnOneConnection() throws Exception {
        String key = "tx:" + UUID.randomUUID();
        redis.send("SET", key, "10").toCompletableFuture().get(5, TimeUnit.SECONDS);

        Response exec = redis.withConnection(connection -> connection.send("WATCH", key)
                .thenCompose(ok -> connection.send("MULTI"))
                .thenCompose(ok -> connection.send("INCRBY", key, 5))
                .thenCompose(queued -> connection.send("EXEC"))).toCompletableFuture().get(5, TimeUnit.SECONDS);

        assertThat(exec.get(0).toLong()).isEqualTo(15L);
        assertThat(REDIS.server().command("GET", key)).isEqualTo("15");
    }

    @Test
    void shouldAbortAWatchedTransactionWhenTheKeyChanged() throws Exception {
        String key = "tx:" + UUID.randomUUID();

        Response exec = redis.withConnection(connection -> connection.send("WATCH", key)
                .thenCompose(ok -> redis.send("SET", key, "changed-meanwhile")) // another connection
                .thenCompose(ok -> connection.send("MULTI"))
                .thenCompose(ok -> connection.send("SET", key, "mine"))
                .thenCompose(queued -> connection.send("EXEC"))).toCompletableFuture().get(5, TimeUnit.SECONDS);

        assertThat(exec).as("EXEC answers nil when a watched key changed").isNull();
        assertThat(REDIS.server().command("GET", key)).isEqualTo("changed-meanwhile");
    }

    @Test
    void shouldGiveTheConnectionBackCleanAfterAnOpenTransaction() throws Exception {
        String key = "tx:" + UUID.randomUUID();
        redis.withConnection(connection -> connection.send("MULTI").thenCompose(ok -> connection.send("SET", key, "never")))
                .toCompletableFuture().get(5, TimeUnit.SECONDS);

        // the pool holds one more connection: the next lease gets the same one, which must not be inside MULTI
        String reply = redis.withConnection(connection -> connection.execute(ReplyType.STRING, "SET", key, "now"))
                .toCompletableFuture().get(5, TimeUnit.SECONDS);

        assertThat(reply).isEqualTo("OK");
        assertThat(REDIS.server().command("GET", key)).isEqualTo("now");
        assertThat(REDIS.server().command("CLIENT", "LIST").lines().count()).as("one leased connection, reused").isEqualTo(2);
    }

    @Test
    void shouldFailWithTheWorksErrorAndStillFreeTheConnection() throws Exception {
        for (int i = 0; i < 3; i++) { // more than the pool could lend if leases leaked
            assertThatThrownBy(() -> redis.<String>withConnection(connection -> {
                throw new IllegalStateException("work failed");
            }).toCompletableFuture().get(5, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class)
                    .hasRootCauseMessage("work failed");
        }
        List<String> replies = List.of(
                redis.withConnection(c -> c.execute(ReplyType.STRING, "PING")).toCompletableFuture().get(5, TimeUnit.SECONDS),
                redis.withConnection(c -> c.execute(ReplyType.STRING, "PING")).toCompletableFuture().get(5, TimeUnit.SECONDS));
        assertThat(replies).containsExactly("PONG", "PONG");
    }

    @Test
    void shouldRefuseUseAfterTheWorkCompleted() throws Exception {
        var kept = new java.util.concurrent.atomic.AtomicReference<dev.rediscdi.ScopedConnection>();
        redis.withConnection(connection -> {
            kept.set(connection);
            return connection.send("PING");
        }).toCompletableFuture().get(5, TimeUnit.SECONDS);

        assertThatThrownBy(() -> kept.get().send("PING")).isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("the connection of withConnection(...) was used after the work's stage completed");
    }

    /**
     * Commands that would leave the lent connection changed for its next user, or that only make sense on a
     * subscribed connection (an UNSUBSCRIBE on a plain one answers in the shape of a pub/sub message), are refused
     * before anything is sent, naming the command; the pool still lends connections that work.
     */
    @Test
    void shouldRefuseCommandsThatChangeTheConnectionForItsNextUser() throws Exception {
        List<List<Object>> refused = List.of(List.of("SELECT", 1), List.of("MONITOR"), List.of("SUBSCRIBE", "channel"),
                List.of("PSUBSCRIBE", "chan*"), List.of("SSUBSCRIBE", "channel"), List.of("RESET"), List.of("QUIT"),
                List.of("UNSUBSCRIBE"), List.of("PUNSUBSCRIBE"), List.of("SUNSUBSCRIBE"));
        for (List<Object> command : refused) {
            String name = (String) command.get(0);
            Object[] args = command.subList(1, command.size()).toArray();
            assertThatThrownBy(() -> redis.withConnection(connection -> connection.send(name, args)).toCompletableFuture().get(5, TimeUnit.SECONDS))
                    .as(name).isInstanceOf(ExecutionException.class).hasRootCauseInstanceOf(IllegalArgumentException.class)
                    .hasRootCauseMessage(name + (name.endsWith("UNSUBSCRIBE")
                            ? " cannot be sent on a scoped connection, which subscribes to nothing: use Subscription.unsubscribe()"
                            : " cannot be sent on a scoped connection: it changes the connection for the next user of the pool"));
        }
        for (int i = 0; i < 3; i++) { // more leases than the pool holds: every connection came back and works
            assertThat(redis.withConnection(c -> c.execute(ReplyType.STRING, "PING")).toCompletableFuture().get(5, TimeUnit.SECONDS)).isEqualTo("PONG");
        }
    }
    @Test
    void shouldFinishWithinTheTimeoutWhenRedisFreezesBeforeTheWatchIsUndone() throws Exception {
        try (RedisServer server = RedisServer.builder().start();
                TestConfig ownConfig = TestConfig.of("redis.hosts", server.uri(), "redis.timeout", "500ms", "redis.retry.enabled", "false");
                org.jboss.weld.environment.se.WeldContainer container = Containers.boot()) {
            RedisClient frozenClient = container.select(RedisClient.class).get();
            String key = "watched:" + UUID.randomUUID();
            try {
                // the work ends normally while watching: the client must UNWATCH, and Redis answers nothing any more
                String outcome = frozenClient.withConnection(connection -> connection.send("WATCH", key)
                        .thenCompose(ok -> connection.send("GET", key))
                        .thenApply(value -> {
                            server.freeze();
                            return "decided not to write";
                        })).toCompletableFuture().get(10, TimeUnit.SECONDS);
                assertThat(outcome).isEqualTo("decided not to write");
            } finally {
                server.unfreeze();
            }
            assertThat(frozenClient.withConnection(connection -> connection.execute(ReplyType.STRING, "PING"))
                    .toCompletableFuture().get(10, TimeUnit.SECONDS)).as("the next scoped work, on another connection").isEqualTo("PONG");
        }
    }
}
