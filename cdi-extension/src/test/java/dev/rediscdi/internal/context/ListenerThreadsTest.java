package dev.rediscdi.internal.context;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.stream.IntStream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import dev.rediscdi.internal.context.RefusingThreads.Refusal;
import io.vertx.core.Vertx;
import io.vertx.core.impl.VertxInternal;

/** Listener lanes on a pool that cannot start a thread for a while (the process at its limit of threads or memory). */
class ListenerThreadsTest {
    private static final long BOUND_SECONDS = 30; // generous: the machine may be loaded; a stalled lane never gets there
    private static final Logger CONTEXT_LOGS = Logger.getLogger(ListenerThreads.class.getPackageName());

    private VertxInternal vertx;
    private final List<LogRecord> logged = Collections.synchronizedList(new ArrayList<>());
    private final Handler recorder = new Handler() {
        @Override
        public void publish(LogRecord record) {
            logged.add(record);
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    @BeforeEach
    void start() {
        vertx = (VertxInternal) Vertx.vertx();
        CONTEXT_LOGS.addHandler(recorder);
    }

    @AfterEach
    void stop() throws Exception {
        CONTEXT_LOGS.removeHandler(recorder);
        vertx.close().toCompletionStage().toCompletableFuture().get(BOUND_SECONDS, TimeUnit.SECONDS);
    }

    @ParameterizedTest
    @EnumSource(Refusal.class)
    void shouldDeliverInOrderOnceThreadsStartAgainWithoutThrowingAtTheCaller(Refusal refusal) throws Exception {
        RefusingThreads threads = new RefusingThreads(3, refusal);
        try (ListenerThreads listenerThreads = new ListenerThreads(threads.pool(), vertx.createEventLoopContext())) {
            Executor lane = listenerThreads.lane();
            int calls = 10;
            List<Integer> ran = Collections.synchronizedList(new ArrayList<>());
            CountDownLatch all = new CountDownLatch(calls);
            List<Throwable> thrown = new ArrayList<>();
            for (int i = 0; i < calls; i++) {
                int call = i;
                // the caller is the event loop that reads the subscription: what is thrown here is lost, and so is the message
                Throwable failure = catchThrowable(() -> lane.execute(() -> {
                    ran.add(call);
                    all.countDown();
                }));
                if (failure != null) {
                    thrown.add(failure);
                }
            }
            assertThat(thrown).as("thrown at the caller").isEmpty();
            assertThat(all.await(BOUND_SECONDS, TimeUnit.SECONDS)).as("calls made once threads start again: %s; the pool was asked for %d "
                    + "threads", ran, threads.attempts()).isTrue();
            assertThat(ran).as("in the order given").containsExactlyElementsOf(IntStream.range(0, calls).boxed().toList());

            CountDownLatch later = new CountDownLatch(1);
            lane.execute(later::countDown);
            assertThat(later.await(BOUND_SECONDS, TimeUnit.SECONDS)).as("a call given later is made too").isTrue();

            List<LogRecord> warnings = logged.stream().filter(record -> record.getLevel().intValue() >= Level.WARNING.intValue()).toList();
            assertThat(warnings).as("warnings for one stretch of refused starts").hasSize(1);
            assertThat(warnings.get(0).getThrown()).as("the refusal, as the pool gave it").isNotNull();
        } finally {
            threads.pool().shutdownNow();
        }
    }
}
