package dev.rediscdi.tests.soak;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.jboss.weld.environment.se.WeldContainer;
import org.junit.jupiter.api.Test;

import dev.rediscdi.RedisCircuitOpenException;
import dev.rediscdi.RedisClient;
import dev.rediscdi.RedisException;
import dev.rediscdi.ReplyType;
import dev.rediscdi.tests.Containers;
import dev.rediscdi.tests.Eventually;
import dev.rediscdi.tests.TestConfig;
import dev.rediscdi.testing.RedisServer;
import io.vertx.redis.client.Response;

/**
 * Workers that wait for jobs with {@code BLPOP queue 0} (until served) across Redis restarts. Such a worker is often
 * the first caller back once Redis returns, since it retries at once: the breaker's trial must not be held by a
 * command that may block for as long as nobody pushes a job, or nobody can push one.
 */
class BlockingWorkersIT {
    private static final Duration CALL_BOUND = Duration.ofSeconds(10);
    private static final int WORKERS = 6;

    @Test
    void shouldCloseTheBreakerWhileABlockingPopThatCameFirstWaitsToBeServed() throws Exception {
        try (RedisServer server = RedisServer.builder().start();
                TestConfig config = TestConfig.of("redis.hosts", server.uri(), "redis.timeout", "300ms", "redis.retry.enabled", "false",
                        "redis.circuit-breaker.request-volume-threshold", "4", "redis.circuit-breaker.delay", "500ms");
                WeldContainer weld = Containers.boot()) {
            RedisClient redis = weld.select(RedisClient.class).get();
            Eventually.get(Duration.ofSeconds(10), () -> redis.send("PING").toCompletableFuture().get(2, TimeUnit.SECONDS));
            server.stop();
            Throwable refused = null;
            for (int i = 0; i < 20 && !(refused instanceof RedisCircuitOpenException); i++) {
                refused = redis.send("GET", "down").toCompletableFuture().handle((ok, error) -> error).get(5, TimeUnit.SECONDS);
            }
            assertThat(refused).as("the breaker opened while Redis was down").isInstanceOf(RedisCircuitOpenException.class);
            server.restart();
            Thread.sleep(600); // the breaker's delay: the next command is a trial

            CompletableFuture<Response> worker = redis.send("BLPOP", "jobs", "0").toCompletableFuture();
            String pushed = Eventually.get(Duration.ofSeconds(5), () -> redis.execute(ReplyType.LONG, "RPUSH", "jobs", "job-1")
                    .toCompletableFuture().get(2, TimeUnit.SECONDS)).toString();

            assertThat(pushed).as("the producer's RPUSH went through while the worker waited").isEqualTo("1");
            assertThat(worker.get(5, TimeUnit.SECONDS).get(1)).hasToString("job-1");
        }
    }

    /**
     * Workers that wait for jobs until served ({@code BLPOP queue 0}) and producers that push them: after a restart the
     * jobs flow again, none is popped twice and every one popped was pushed.
     */
    @Test
    void shouldKeepAQueueFlowingWhenWorkersWaitUntilServedAcrossARestart() throws Exception {
        try (RedisServer server = RedisServer.builder().config("appendonly", "yes").config("appendfsync", "always").start();
                TestConfig config = TestConfig.of("redis.hosts", server.uri(), "redis.timeout", "500ms",
                        "redis.retry.max-duration", "1s", "redis.circuit-breaker.delay", "500ms");
                WeldContainer weld = Containers.boot()) {
            RedisClient redis = weld.select(RedisClient.class).get();
            Eventually.get(Duration.ofSeconds(10), () -> redis.send("PING").toCompletableFuture().get(2, TimeUnit.SECONDS));
            String queue = "soak-queue-" + UUID.randomUUID();
            Set<String> pushed = ConcurrentHashMap.newKeySet();
            List<String> popped = Collections.synchronizedList(new ArrayList<>());
            List<Throwable> unexpected = Collections.synchronizedList(new ArrayList<>());
            AtomicBoolean stop = new AtomicBoolean();
            List<Thread> threads = new ArrayList<>();
            for (int w = 0; w < WORKERS; w++) {
                threads.add(start("soak-caller-worker-" + w, () -> {
                    for (int n = 0; n < 1_000_000 && !stop.get(); n++) {
                        try {
                            Response job = redis.send("BLPOP", queue, "0").toCompletableFuture().get(20, TimeUnit.SECONDS);
                            popped.add(job.get(1).toString());
                        } catch (java.util.concurrent.ExecutionException e) {
                            if (!(e.getCause() instanceof RedisException)) {
                                unexpected.add(e.getCause());
                            }
                            Thread.sleep(1);
                        } catch (java.util.concurrent.TimeoutException e) {
                            unexpected.add(new AssertionError("a worker's BLPOP unserved for 20 s while producers push", e));
                        }
                    }
                }));
            }
            for (int p = 0; p < 2; p++) {
                int producer = p;
                threads.add(start("soak-caller-producer-" + p, () -> {
                    for (int n = 0; n < 1_000_000 && !stop.get(); n++) {
                        String job = "job-" + producer + "-" + n;
                        try {
                            redis.send("RPUSH", queue, job).toCompletableFuture().get(CALL_BOUND.toMillis(), TimeUnit.MILLISECONDS);
                            pushed.add(job);
                        } catch (java.util.concurrent.ExecutionException e) {
                            if (!(e.getCause() instanceof RedisException)) {
                                unexpected.add(e.getCause());
                            }
                            pushed.add(job); // it may have run
                        } catch (java.util.concurrent.TimeoutException e) {
                            unexpected.add(new AssertionError("an RPUSH still pending after " + CALL_BOUND, e));
                            pushed.add(job);
                        }
                        Thread.sleep(2);
                    }
                }));
            }
            try {
                awaitPopped(popped, 50, Duration.ofSeconds(10));
                server.restart();
                int atRestart = popped.size();

                try {
                    awaitPopped(popped, atRestart + 200, Duration.ofSeconds(15));
                } catch (AssertionError e) {
                    throw new AssertionError("popped " + popped.size() + " (" + atRestart + " at the restart), pushed " + pushed.size()
                            + " (failed ones included), in the queue " + server.command("LLEN", queue) + ", connections:\n"
                            + server.command("CLIENT", "LIST"), e);
                }
            } finally {
                stop.set(true);
                // workers blocked until served: one job each lets them see the stop
                for (int w = 0; w < WORKERS; w++) {
                    server.command("RPUSH", queue, "stop-" + w);
                    pushed.add("stop-" + w);
                }
                for (Thread thread : threads) {
                    thread.join(TimeUnit.SECONDS.toMillis(20));
                }
            }
            assertThat(threads).as("every worker and producer returned").noneMatch(Thread::isAlive);
            assertThat(unexpected).isEmpty();
            List<String> copy = List.copyOf(popped);
            assertThat(copy).as("jobs popped twice").doesNotHaveDuplicates();
            assertThat(pushed).as("every job popped was pushed").containsAll(copy);
        }
    }

    private static void awaitPopped(List<String> popped, int count, Duration within) throws InterruptedException {
        Eventually.get(within, () -> {
            if (popped.size() < count) {
                throw new IllegalStateException(popped.size() + " jobs popped, not " + count + " yet");
            }
            return null;
        });
    }

    private static Thread start(String name, Interruptible body) {
        Thread thread = new Thread(() -> {
            try {
                body.run();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, name);
        thread.setDaemon(true);
        thread.start();
        return thread;
    }

    @FunctionalInterface
    private interface Interruptible {
        void run() throws InterruptedException;
    }
}
