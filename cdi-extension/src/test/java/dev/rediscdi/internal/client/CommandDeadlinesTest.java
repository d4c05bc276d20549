package dev.rediscdi.internal.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import dev.rediscdi.RedisConnectionException;
import dev.rediscdi.RedisConnectionLostException;
import dev.rediscdi.RedisTimeoutException;
import io.vertx.core.Vertx;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.Request;

class CommandDeadlinesTest {
    private static final Duration TIMEOUT = Duration.ofHours(1); // the periodic sweep never expires anything here
    private final Vertx vertx = Vertx.vertx();
    private final Failures failures = new Failures("Redis client 'redis'", TIMEOUT);
    private final CommandDeadlines deadlines = new CommandDeadlines(vertx, TIMEOUT);

    @AfterEach
    void close() throws Exception {
        deadlines.close();
        vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    private PendingCommand command(long deadlineNanos) {
        PendingCommand command = new PendingCommand(Request.cmd(Command.GET).arg("k"), deadlineNanos, failures);
        deadlines.track(command);
        return command;
    }

    @Test
    void shouldLetGoOfAnsweredCommandsQueuedBehindOneStillWithinItsTime() {
        long later = System.nanoTime() + TIMEOUT.toNanos();
        PendingCommand slow = command(later);
        List<PendingCommand> answered = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            PendingCommand command = command(later);
            command.complete(null);
            answered.add(command);
        }
        PendingCommand waiting = command(later);

        deadlines.sweep();

        assertThat(deadlines.tracked()).as("commands still held by the sweep").isEqualTo(2);
        assertThat(slow).isNotDone();
        assertThat(waiting).isNotDone();
    }

    @Test
    void shouldKeepABurstLongerThanItsLineAndLetItGoOnceAnswered() {
        long later = System.nanoTime() + TIMEOUT.toNanos();
        List<PendingCommand> burst = new ArrayList<>();
        for (int i = 0; i < 5000; i++) {
            burst.add(command(later));
        }
        deadlines.sweep();
        PendingCommand next = command(later);
        deadlines.sweep();
        assertThat(deadlines.tracked()).as("every command of the burst still held, and the one after").isEqualTo(5001);

        burst.subList(0, 4000).forEach(command -> command.complete(null));
        PendingCommand late = command(System.nanoTime() - 1);
        deadlines.sweep();

        assertThat(deadlines.tracked()).as("the unanswered ones only").isEqualTo(1001);
        assertThat(late.handle((reply, failure) -> failure).join()).isInstanceOf(RedisTimeoutException.class);
        assertThat(burst.subList(4000, 5000)).allMatch(command -> !command.isDone());
        assertThat(next).isNotDone();
    }

    @Test
    void shouldExpireEveryCommandPastItsDeadlineAndNoOther() {
        long past = System.nanoTime() - 1;
        PendingCommand late = command(past);
        PendingCommand answered = command(past);
        answered.complete(null);
        PendingCommand inTime = command(System.nanoTime() + TIMEOUT.toNanos());

        deadlines.sweep();

        assertThat(late).isCompletedExceptionally();
        assertThat(late.handle((reply, failure) -> failure).join()).isInstanceOf(RedisTimeoutException.class);
        assertThat(answered).isCompletedWithValue(null);
        assertThat(inTime).isNotDone();
        assertThat(deadlines.tracked()).isEqualTo(1);
    }

    /** At close every command still on its way fails (the driver may never answer once the event loops stop), and those tracked after unsent. */
    @Test
    void shouldFailEveryCommandStillOnItsWayWhenClosedAndTheLaterOnesUnsent() {
        long later = System.nanoTime() + TIMEOUT.toNanos();
        PendingCommand written = command(later);
        PendingCommand waiting = command(later);
        waiting.notWrittenYet();
        PendingCommand answered = command(later);
        answered.complete(null);
        PendingCommand blockedForGood = new PendingCommand(Request.cmd(Command.BLPOP).arg("queue").arg(0), Long.MAX_VALUE, failures);
        deadlines.trackBlocking(blockedForGood, Request.cmd(Command.BLPOP).arg("queue").arg(0));

        deadlines.close();
        PendingCommand afterwards = command(later);

        assertThat(failureOf(written)).isInstanceOf(RedisConnectionLostException.class);
        assertThat(failureOf(waiting)).as("not written yet").isInstanceOf(RedisConnectionException.class);
        assertThat(failureOf(blockedForGood)).isInstanceOf(RedisConnectionLostException.class);
        assertThat(failureOf(afterwards)).as("tracked after the close: never sent").isInstanceOf(RedisConnectionException.class);
        assertThat(answered).isCompletedWithValue(null);
    }

    private static Throwable failureOf(PendingCommand command) {
        assertThat(command).isDone();
        return command.handle((reply, failure) -> failure).join();
    }
}
