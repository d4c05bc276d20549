package dev.rediscdi.tests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
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

import dev.rediscdi.NamedRedisClient;
import dev.rediscdi.RedisClient;
import dev.rediscdi.RedisDecodeException;
import dev.rediscdi.ReplyType;
import dev.rediscdi.testing.RedisServer;
import dev.rediscdi.testing.RedisServerExtension;

/**
 * {@link ReplyType}: "over RESP2 and RESP3 alike". The same command converted with the same reply type gives the same
 * value on a RESP2 and a RESP3 client.
 */
@ExtendWith(WeldJunit5Extension.class)
class ReplyTypesAcrossProtocolsIT {

    @RegisterExtension
    static final RedisServerExtension REDIS = new RedisServerExtension(RedisServer.builder());

    @RegisterExtension
    final TestConfig config = TestConfig.of("redis.r2.hosts", REDIS.server().uri(), "redis.r2.protocol", "resp2",
            "redis.r3.hosts", REDIS.server().uri(), "redis.r3.protocol", "resp3");

    @WeldSetup
    WeldInitiator weld = Containers.initiator();

    @Inject
    @NamedRedisClient("r2")
    RedisClient resp2;

    @Inject
    @NamedRedisClient("r3")
    RedisClient resp3;

    @Test
    void shouldConvertScoresWithMembersToTheSameMapOnBothProtocols() throws Exception {
        String key = "leaderboard:" + UUID.randomUUID();
        REDIS.server().command("ZADD", key, "1.5", "ada", "2", "bo");
        ReplyType<Map<String, Double>> scores = ReplyType.mapOf(ReplyType.DOUBLE);

        Object onResp2 = outcome(resp2.execute(scores, "ZRANGE", key, 0, -1, "WITHSCORES"));
        Object onResp3 = outcome(resp3.execute(scores, "ZRANGE", key, 0, -1, "WITHSCORES"));

        assertThat(onResp2).as("RESP2").isEqualTo(Map.of("ada", 1.5, "bo", 2.0));
        assertThat(onResp3).as("RESP3").isEqualTo(onResp2);
    }

    /**
     * A reply the reply type cannot convert is a decoding error like any other: a {@link RedisDecodeException} that names
     * the command and the type, and never holds the value (it may be a secret).
     */
    @Test
    void shouldReportAReplyThatTheReplyTypeCannotConvertAsADecodingError() throws Exception {
        String key = "token:" + UUID.randomUUID();
        REDIS.server().command("SET", key, "s3cr3t-value");

        Throwable failure = null;
        try {
            resp3.execute(ReplyType.LONG, "GET", key).toCompletableFuture().get(5, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            failure = e.getCause();
        }

        assertThat(failure).isInstanceOf(RedisDecodeException.class).hasMessageContaining("GET").hasMessageNotContaining("s3cr3t-value");
        java.io.StringWriter trace = new java.io.StringWriter();
        failure.printStackTrace(new java.io.PrintWriter(trace));
        assertThat(trace.toString()).as("the causes a logged stack trace prints").doesNotContain("s3cr3t-value").contains("Caused by");
        Throwable scoped = null;
        try {
            resp2.withConnection(connection -> connection.execute(ReplyType.LONG, "GET", key)).toCompletableFuture().get(5, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            scoped = e.getCause();
        }
        assertThat(scoped).as("on a scoped connection").isInstanceOf(RedisDecodeException.class).hasMessageNotContaining("s3cr3t-value");
        assertThatThrownBy(() -> resp3.blocking().execute(ReplyType.LONG, "GET", key)).as("blocking")
                .isInstanceOf(RedisDecodeException.class).hasMessageContaining("GET").hasMessageNotContaining("s3cr3t-value");
        assertThatThrownBy(() -> resp3.assumingIdempotent().blocking().execute(ReplyType.DOUBLE, "GET", key)).as("blocking, assuming idempotent")
                .isInstanceOf(RedisDecodeException.class);
    }

    private static Object outcome(java.util.concurrent.CompletionStage<?> stage) throws Exception {
        try {
            return stage.toCompletableFuture().get(5, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            return "failed: " + e.getCause();
        }
    }
}
