package dev.rediscdi.internal.context;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.vertx.core.Vertx;

/** A caller waiting on the stage the client hands over: it yields a bounded number of times, then parks. */
class ContinuationFutureWaitTest {
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    private final ScheduledExecutorService completer = Executors.newSingleThreadScheduledExecutor();
    private final Vertx vertx = Vertx.vertx();
    private final Continuations continuations = Continuations.of(vertx, null);

    @AfterEach
    void stop() throws Exception {
        completer.shutdownNow();
        continuations.close();
        vertx.close().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
    }

    @Test
    void shouldParkAfterABriefWaitInsteadOfSpinningUntilTheReply() {
        ContinuationFuture<String> reply = new ContinuationFuture<>(continuations);
        completer.schedule(() -> reply.complete("value"), 1, TimeUnit.SECONDS);

        long cpuBefore = THREADS.getCurrentThreadCpuTime();
        assertThat(reply.join()).isEqualTo("value");
        long cpuMillis = TimeUnit.NANOSECONDS.toMillis(THREADS.getCurrentThreadCpuTime() - cpuBefore);

        // a bounded wait costs well under a millisecond of CPU; a thread spinning until the reply would burn most of the second
        assertThat(cpuMillis).as("CPU ms the waiting thread spent in one second").isLessThan(100);
    }

    @Test
    void shouldReturnAReplyThatArrivesDuringTheBriefWait() throws Exception {
        for (int i = 0; i < 1_000; i++) {
            ContinuationFuture<Integer> reply = new ContinuationFuture<>(continuations);
            int expected = i;
            completer.execute(() -> reply.complete(expected));
            assertThat(i % 2 == 0 ? reply.join() : reply.get()).isEqualTo(expected);
        }
    }

    @Test
    void shouldTellAnInterruptedThreadAtOnce() {
        ContinuationFuture<String> never = new ContinuationFuture<>(continuations);
        Thread.currentThread().interrupt();
        try {
            assertThatThrownBy(never::get).isInstanceOf(InterruptedException.class);
        } finally {
            Thread.interrupted();
        }
    }

    @Test
    void shouldTimeOutWithinTheTimeoutGiven() {
        ContinuationFuture<String> never = new ContinuationFuture<>(continuations);
        long start = System.nanoTime();

        assertThatThrownBy(() -> never.get(20, TimeUnit.MILLISECONDS)).isInstanceOf(TimeoutException.class);

        assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start)).isBetween(20L, 10_000L);
    }
}
