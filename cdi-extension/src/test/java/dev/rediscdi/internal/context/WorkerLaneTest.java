package dev.rediscdi.internal.context;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import dev.rediscdi.internal.context.RefusingThreads.Refusal;

import io.vertx.core.Vertx;
import io.vertx.core.impl.VertxInternal;

/** The lane on Vert.x's own worker pool, as the clients use it. */
class WorkerLaneTest {
    private static final long BOUND_SECONDS = 30; // generous: the machine may be loaded; a lost task never gets there

    private VertxInternal vertx;
    private WorkerLane lane;
    private final CountDownLatch release = new CountDownLatch(1);

    @BeforeEach
    void start() {
        vertx = (VertxInternal) Vertx.vertx();
        lane = new WorkerLane(vertx.getWorkerPool().executor(), vertx.createEventLoopContext());
    }

    @AfterEach
    void stop() throws Exception {
        release.countDown();
        vertx.close().toCompletionStage().toCompletableFuture().get(BOUND_SECONDS, TimeUnit.SECONDS);
    }

    @Test
    void shouldRunEveryTaskSentFromManyThreads() throws Exception {
        int threads = 4;
        int perThread = 50_000;
        AtomicInteger ran = new AtomicInteger();
        CountDownLatch all = new CountDownLatch(threads * perThread);
        Set<Thread> runners = ConcurrentHashMap.newKeySet();
        ExecutorService senders = Executors.newFixedThreadPool(threads);
        try {
            for (int t = 0; t < threads; t++) {
                senders.execute(() -> {
                    for (int i = 0; i < perThread; i++) {
                        lane.execute(() -> {
                            ran.incrementAndGet();
                            runners.add(Thread.currentThread());
                            all.countDown();
                        });
                    }
                });
            }
            assertThat(all.await(BOUND_SECONDS, TimeUnit.SECONDS)).as("every task ran; ran " + ran.get()).isTrue();
        } finally {
            senders.shutdownNow();
        }
        assertThat(ran.get()).isEqualTo(threads * perThread);
        assertThat(runners).allMatch(thread -> thread.getName().startsWith("vert.x-worker-thread"));
    }

    @Test
    void shouldRunABurstOfTasksOnFewDrainers() throws Exception {
        int tasks = 10_000;
        CountDownLatch all = new CountDownLatch(tasks);
        for (int i = 0; i < tasks; i++) {
            lane.execute(all::countDown);
        }
        assertThat(all.await(BOUND_SECONDS, TimeUnit.SECONDS)).isTrue();
        // one pool task per continuation would be 10,000; a drainer starts when none runs or a task waits too long
        assertThat(lane.drainersStarted()).isLessThan(tasks / 10);
    }

    @Test
    void shouldRunContinuationsThatComputeOnSeveralWorkers() throws Exception {
        // each shorter than a millisecond: a drainer taking one after the other would never look stuck, yet 200 in a
        // row would keep the others waiting up to 100 ms
        int tasks = 200;
        AtomicInteger running = new AtomicInteger();
        AtomicInteger mostAtOnce = new AtomicInteger();
        CountDownLatch all = new CountDownLatch(tasks);
        for (int i = 0; i < tasks; i++) {
            lane.execute(() -> {
                mostAtOnce.accumulateAndGet(running.incrementAndGet(), Math::max);
                long until = System.nanoTime() + TimeUnit.MICROSECONDS.toNanos(500);
                while (System.nanoTime() < until) {
                    Thread.onSpinWait();
                }
                running.decrementAndGet();
                all.countDown();
            });
        }
        assertThat(all.await(BOUND_SECONDS, TimeUnit.SECONDS)).isTrue();
        assertThat(mostAtOnce.get()).as("continuations running at once").isGreaterThanOrEqualTo(2);
    }

    @Test
    void shouldNotHoldATaskBehindOneThatBlocks() throws Exception {
        CountDownLatch blocking = new CountDownLatch(1);
        lane.execute(() -> {
            blocking.countDown();
            awaitRelease();
        });
        assertThat(blocking.await(BOUND_SECONDS, TimeUnit.SECONDS)).isTrue();
        CountDownLatch next = new CountDownLatch(1);
        lane.execute(next::countDown); // nothing arrives after it
        assertThat(next.await(BOUND_SECONDS, TimeUnit.SECONDS)).as("the task behind a blocked one ran").isTrue();
    }

    @Test
    void shouldRunTheTaskThatABlockedTaskWaitsFor() throws Exception {
        CompletableFuture<String> awaited = new CompletableFuture<>();
        CompletableFuture<String> waiter = new CompletableFuture<>();
        lane.execute(() -> {
            try {
                waiter.complete(awaited.get(BOUND_SECONDS, TimeUnit.SECONDS));
            } catch (Exception e) {
                waiter.completeExceptionally(e);
            }
        });
        lane.execute(() -> awaited.complete("done")); // most likely queued before the wait bound: the timer starts a drainer
        assertThat(waiter.get(BOUND_SECONDS + 5, TimeUnit.SECONDS)).isEqualTo("done");
    }

    @Test
    void shouldKeepRunningTasksWhileSeveralBlock() throws Exception {
        int blockers = 5;
        CountDownLatch blocked = new CountDownLatch(blockers);
        for (int i = 0; i < blockers; i++) {
            lane.execute(() -> {
                blocked.countDown();
                awaitRelease();
            });
        }
        assertThat(blocked.await(BOUND_SECONDS, TimeUnit.SECONDS)).as("all five blocking at once").isTrue();
        CountDownLatch later = new CountDownLatch(100);
        for (int i = 0; i < 100; i++) {
            lane.execute(later::countDown);
        }
        assertThat(later.await(BOUND_SECONDS, TimeUnit.SECONDS)).isTrue();
    }

    @Test
    void shouldRunTheTasksBehindOneThatThrows() throws Exception {
        CountDownLatch after = new CountDownLatch(3);
        lane.execute(() -> {
            throw new IllegalStateException("a failing continuation (expected in this test)");
        });
        for (int i = 0; i < 3; i++) {
            lane.execute(after::countDown);
        }
        assertThat(after.await(BOUND_SECONDS, TimeUnit.SECONDS)).isTrue();
    }

    @Test
    void shouldNotPileDrainersUpInAPoolWithNoFreeThread() throws Exception {
        ExecutorService busy = Executors.newFixedThreadPool(2);
        try {
            CountDownLatch occupied = new CountDownLatch(2);
            for (int i = 0; i < 2; i++) {
                busy.execute(() -> {
                    occupied.countDown();
                    awaitRelease();
                });
            }
            assertThat(occupied.await(BOUND_SECONDS, TimeUnit.SECONDS)).isTrue();
            WorkerLane waiting = new WorkerLane(busy, vertx.createEventLoopContext());
            CountDownLatch ran = new CountDownLatch(51);
            waiting.execute(ran::countDown);
            for (int i = 0; i < 50; i++) { // each arrival, and the timer meanwhile, finds the oldest task overdue
                Thread.sleep(1);
                waiting.execute(ran::countDown);
            }
            assertThat(waiting.drainersStarted()).as("drainers handed to the full pool").isEqualTo(1);
            release.countDown();
            assertThat(ran.await(BOUND_SECONDS, TimeUnit.SECONDS)).isTrue();
        } finally {
            busy.shutdownNow();
        }
    }

    @Test
    void shouldRunTasksOnTheCallerWhenThePoolIsClosed() throws Exception {
        ExecutorService closed = Executors.newSingleThreadExecutor();
        closed.shutdown();
        WorkerLane closing = new WorkerLane(closed, vertx.createEventLoopContext());
        List<Thread> ranOn = new ArrayList<>();
        closing.execute(() -> ranOn.add(Thread.currentThread()));
        closing.execute(() -> ranOn.add(Thread.currentThread()));
        assertThat(ranOn).containsExactly(Thread.currentThread(), Thread.currentThread());
    }

    @ParameterizedTest
    @EnumSource(Refusal.class)
    void shouldRunContinuationsOnceThreadsStartAgainWithoutThrowingAtTheCaller(Refusal refusal) throws Exception {
        RefusingThreads threads = new RefusingThreads(3, refusal);
        try {
            WorkerLane refused = new WorkerLane(threads.pool(), vertx.createEventLoopContext());
            int tasks = 10;
            CountDownLatch ran = new CountDownLatch(tasks);
            Set<Thread> ranOn = ConcurrentHashMap.newKeySet();
            List<Throwable> thrown = new ArrayList<>();
            for (int i = 0; i < tasks; i++) {
                // the caller is the event loop that completed a reply: what is thrown here is lost, and so is the task
                Throwable failure = catchThrowable(() -> refused.execute(() -> {
                    ranOn.add(Thread.currentThread());
                    ran.countDown();
                }));
                if (failure != null) {
                    thrown.add(failure);
                }
            }
            assertThat(thrown).as("thrown at the caller").isEmpty();
            assertThat(ran.await(BOUND_SECONDS, TimeUnit.SECONDS)).as("tasks run once threads start again: %d of %d ran; the pool was asked "
                    + "for %d threads", tasks - ran.getCount(), tasks, threads.attempts()).isTrue();
            assertThat(threads.startsAgain()).as("every refusal used: the lane tried again by itself").isTrue();
            assertThat(ranOn).as("threads the tasks ran on: the pool's, never the caller (an event loop)").doesNotContain(Thread.currentThread());

            CountDownLatch later = new CountDownLatch(1);
            refused.execute(later::countDown);
            assertThat(later.await(BOUND_SECONDS, TimeUnit.SECONDS)).as("a task given later runs too").isTrue();
        } finally {
            threads.pool().shutdownNow();
        }
    }

    private void awaitRelease() {
        try {
            release.await(BOUND_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
