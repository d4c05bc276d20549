package dev.rediscdi.internal.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.rediscdi.RedisConnectionException;
import dev.rediscdi.RedisConnectionLostException;
import dev.rediscdi.RedisException;
import dev.rediscdi.RedisOverloadedException;
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

    /**
     * The driver refuses a command, or a whole batch, that would put more than max-waiting-handlers commands in flight
     * on its connection (a withConnection's, say), with a plain exception: nothing was written, whatever it was sent on.
     */
    @Test
    void shouldSayACommandTheDriversWaitingQueueRefusedWasNotSent() {
        Throwable refused = new io.vertx.core.impl.NoStackTraceThrowable("Redis waiting queue is full");
        for (RedisException failure : List.of(failures.translate(refused, incrs.get(0), true), failures.translateBatch(refused, incrs, true))) {
            assertThat(failure).isInstanceOf(RedisOverloadedException.class).hasMessageContaining("nothing was sent")
                    .hasMessageContaining("max-waiting-handlers");
        }
    }

    @Test
    void shouldSayNothingWasSentWhenTheHandshakeFailed() {
        RedisException failure = failures.translateBatch(ErrorType.create("CONNECTION_CLOSED"), incrs, false);

        assertThat(failure).isInstanceOf(RedisConnectionException.class).hasMessageContaining("cannot connect");
        assertThat(failure.isSafeToRetry()).isTrue();
    }

    /** LOADING after a start, BUSY with a long script, MASTERDOWN: Redis ran nothing, and may run it a moment later. */
    @Test
    void shouldSayACommandRefusedByARedisThatCannotServeNowDidNotRun() {
        for (String code : List.of("LOADING Redis is loading the dataset in memory", "BUSY Redis is busy running a script.",
                "MASTERDOWN Link with MASTER is down and replica-serve-stale-data is set to 'no'.")) {
            RedisException failure = failures.translate(ErrorType.create(code), incrs.get(0), true);

            assertThat(failure).as(code).isInstanceOf(RedisConnectionException.class).hasMessageContaining("did not run it");
            assertThat(failure.isSafeToRetry()).as(code).isTrue();
        }
        RedisException busyGroup = failures.translate(ErrorType.create("BUSYGROUP Consumer Group name already exists"), incrs.get(0), true);
        assertThat(busyGroup).isInstanceOf(RedisReplyException.class);
        assertThat(((RedisReplyException) busyGroup).code()).isEqualTo("BUSYGROUP");
    }

    @Test
    void shouldSayABatchRefusedWholeByARedisThatCannotServeNowDidNotRun() {
        RedisException loading = failures.translateBatch(ErrorType.create("ERR [0] LOADING Redis is loading the dataset in memory\n"
                + "ERR [1] LOADING Redis is loading the dataset in memory"), incrs, true);
        RedisException partly = failures.translateBatch(ErrorType.create("ERR [0] LOADING Redis is loading the dataset in memory"), incrs, true);

        assertThat(loading).isInstanceOf(RedisConnectionException.class);
        assertThat(loading.isSafeToRetry()).isTrue();
        assertThat(partly).as("the other INCR ran").isInstanceOf(RedisReplyException.class);
        assertThat(((RedisReplyException) partly).code()).isEqualTo("LOADING");
    }
}
