package dev.rediscdi.internal.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.rediscdi.RedisConnectionException;
import dev.rediscdi.RedisConnectionLostException;
import dev.rediscdi.RedisException;
import dev.rediscdi.RedisReplyException;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.Request;
import io.vertx.redis.client.impl.types.ErrorType;

/** What a failure the driver reports says: refused by Redis, lost on the way, or never sent. */
class FailuresTest {
    private final Failures failures = new Failures("Redis client 'redis'", Duration.ofSeconds(1));
    private final List<Request> incrs = List.of(Request.cmd(Command.INCR).arg("n"), Request.cmd(Command.INCR).arg("n"));

    @Test
    void shouldTellARefusalByRedisInABatchByItsErrorCode() {
        RedisException failure = failures.translateBatch(ErrorType.create("ERR [1] WRONGTYPE Operation against a key holding the wrong kind of value"),
                incrs, true);

        assertThat(failure).isInstanceOf(RedisReplyException.class).hasMessageContaining("Redis refused commands of a batch of 2");
        assertThat(((RedisReplyException) failure).code()).isEqualTo("WRONGTYPE");
    }

    /** The driver reports a connection that failed under a batch as an error reply per command, with the exception's text. */
    @Test
    void shouldTellAConnectionLostUnderABatchFromARefusal() {
        RedisException failure = failures.translateBatch(ErrorType.create("ERR [0] java.io.IOException: Connection reset by peer"),
                incrs, true);

        assertThat(failure).isInstanceOf(RedisConnectionLostException.class).hasMessageContaining("may or may not have run");
        assertThat(failure.isSafeToRetry()).as("INCRs that may have run").isFalse();
    }

    @Test
    void shouldSayNothingWasSentWhenTheHandshakeFailed() {
        RedisException failure = failures.translateBatch(ErrorType.create("CONNECTION_CLOSED"), incrs, false);

        assertThat(failure).isInstanceOf(RedisConnectionException.class).hasMessageContaining("cannot connect");
        assertThat(failure.isSafeToRetry()).isTrue();
    }
}
