package dev.rediscdi.tests.threads;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import org.jboss.weld.environment.se.WeldContainer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import dev.rediscdi.testing.RedisServer;
import dev.rediscdi.testing.RedisServerExtension;
import dev.rediscdi.tests.Containers;
import dev.rediscdi.tests.TestConfig;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.Redis;
import io.vertx.redis.client.Request;

/**
 * Calls of the injected driver made on plain threads reach it on the event loop that owns its pool's sockets: each
 * reply completes in the very read that brought it, on that one thread, instead of being handed to another event loop
 * first. (A call made on a context of any other loop would have its reply cross threads.)
 */
class DriverEventLoopIT {
    private static final int THREADS = 3;
    private static final int CALLS_PER_THREAD = 20;

    @RegisterExtension
    static final RedisServerExtension REDIS = new RedisServerExtension(RedisServer.builder());

    @RegisterExtension
    final TestConfig config = TestConfig.of("redis.hosts", REDIS.server().uri());

    @Test
    void shouldCompleteTheRepliesOfCallsFromPlainThreadsInTheReadOfTheirSocketsEventLoop() throws Exception {
        Map<String, Integer> completedOn = new ConcurrentHashMap<>();
        List<String> handedOver = new ArrayList<>();
        try (WeldContainer container = Containers.boot()) {
            Redis driver = container.select(Redis.class).get();
            List<Thread> callers = new ArrayList<>();
            List<Throwable> failures = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                Thread caller = new Thread(() -> {
                    try {
                        for (int i = 0; i < CALLS_PER_THREAD; i++) {
                            CompletableFuture<Void> observed = new CompletableFuture<>();
                            io.vertx.core.Future<io.vertx.redis.client.Response> sent = driver.send(Request.cmd(Command.PING));
                            // when the reply came first, the callback runs as a task of the client's context (next test)
                            boolean replyCameFirst = sent.isComplete();
                            sent.onComplete(reply -> {
                                if (!replyCameFirst) {
                                    completedOn.merge(Thread.currentThread().getName(), 1, Integer::sum);
                                    if (!inAChannelRead()) {
                                        synchronized (handedOver) {
                                            handedOver.add(Thread.currentThread().getName());
                                        }
                                    }
                                }
                                observed.complete(null);
                            });
                            observed.get(5, TimeUnit.SECONDS);
                        }
                    } catch (Exception | AssertionError e) {
                        synchronized (failures) {
                            failures.add(e);
                        }
                    }
                }, "plain-caller-" + t);
                callers.add(caller);
                caller.start();
            }
            for (Thread caller : callers) {
                caller.join(TimeUnit.SECONDS.toMillis(30));
            }
            assertThat(failures).as("calls that failed").isEmpty();
        }

        assertThat(completedOn.values().stream().mapToInt(Integer::intValue).sum()).as("replies that came after their callback was registered")
                .isGreaterThanOrEqualTo(THREADS * CALLS_PER_THREAD / 2);
        assertThat(completedOn.keySet()).as("threads the replies completed on").hasSize(1).allMatch(name -> name.contains("eventloop"));
        // A reply that comes between the caller's isComplete() and its onComplete(..) is counted here though its callback
        // was registered late (then it runs as a task of the client's context, as it must): on a busy host a caller
        // thread can stall in that window. A few are that; replies crossing to another loop would be all of them.
        assertThat(handedOver).as("replies handed to another task after the read that brought them").hasSizeLessThanOrEqualTo(3);
    }

    /**
     * A callback registered on a plain thread after the reply came still runs on a Vert.x context (the client's, on its
     * event loop), as callbacks of Vert.x futures do, never on the registering thread.
     */
    @Test
    void shouldRunCallbacksRegisteredAfterTheReplyOnTheClientsContext() throws Exception {
        try (WeldContainer container = Containers.boot()) {
            Redis driver = container.select(Redis.class).get();
            io.vertx.core.Future<io.vertx.redis.client.Response> reply = driver.send(Request.cmd(Command.PING));
            for (int i = 0; i < 500 && !reply.isComplete(); i++) {
                Thread.sleep(10);
            }
            assertThat(reply.isComplete()).as("PING answered within 5 s").isTrue();
            CompletableFuture<Object> context = new CompletableFuture<>();
            reply.onComplete(done -> context.complete(String.valueOf(io.vertx.core.Vertx.currentContext()) + " on " + Thread.currentThread().getName()));
            assertThat((String) context.get(5, TimeUnit.SECONDS)).doesNotStartWith("null").doesNotEndWith(" on " + Thread.currentThread().getName());
        }
    }

    /** Whether Netty is delivering a read from a socket on this thread's stack, rather than running a queued task. */
    private static boolean inAChannelRead() {
        return StackWalker.getInstance().walk(frames -> frames.anyMatch(frame -> frame.getClassName().startsWith("io.netty.channel.")
                && frame.getMethodName().equals("invokeChannelRead")));
    }
}
