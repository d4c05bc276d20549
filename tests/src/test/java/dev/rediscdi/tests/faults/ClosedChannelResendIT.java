package dev.rediscdi.tests.faults;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

import org.jboss.weld.environment.se.WeldContainer;
import org.junit.jupiter.api.Test;

import dev.rediscdi.RedisClient;
import dev.rediscdi.RedisException;
import dev.rediscdi.testing.RedisServer;
import dev.rediscdi.testing.TcpProxy;
import dev.rediscdi.tests.Containers;
import dev.rediscdi.tests.TestConfig;
import io.vertx.redis.client.Response;

/**
 * Commands Redis ran, whose replies never came back, on a connection its peer then closed (FIN). The driver fails every
 * command still waiting for a reply with the error of the first failed write: a write that lands after the socket
 * closed but before the driver heard of the close fails with a ClosedChannelException, and so do all the commands
 * written before it. Those must not be taken for "not written": neither sent again by the client, nor said safe to retry.
 */
class ClosedChannelResendIT {

    @Test
    void shouldNeverRunACommandTwiceNorCallItUnsentWhenThePeerClosesWithRepliesOutstanding() throws Exception {
        try (RedisServer server = RedisServer.builder().start();
                TcpProxy proxy = TcpProxy.to(server.port());
                TestConfig config = TestConfig.of("redis.hosts", "redis://127.0.0.1:" + proxy.port(), "redis.timeout", "5s",
                        "redis.connections", "1", "redis.max-waiting-handlers", "200000", "redis.max-queued-commands", "200000",
                        "redis.retry.enabled", "false", "redis.circuit-breaker.enabled", "false");
                WeldContainer weld = Containers.boot()) {
            RedisClient redis = weld.select(RedisClient.class).get();
            redis.send("PING").toCompletableFuture().get(5, TimeUnit.SECONDS);

            Map<Integer, CompletableFuture<Outcome<Response>>> calls = new ConcurrentHashMap<>();
            AtomicInteger ids = new AtomicInteger();
            AtomicBoolean stop = new AtomicBoolean();
            List<Thread> senders = new ArrayList<>();
            for (int t = 0; t < 3; t++) {
                Thread sender = new Thread(() -> {
                    while (!stop.get() && ids.get() < 400_000) {
                        int id = ids.incrementAndGet();
                        calls.put(id, Outcome.of(redis.send("RPUSH", "ids", Integer.toString(id))));
                        LockSupport.parkNanos(20_000);
                    }
                }, "sender-" + t);
                sender.start();
                senders.add(sender);
            }
            for (int cut = 0; cut < 6; cut++) {
                Thread.sleep(300);
                proxy.cutOpenConnections(Duration.ofMillis(20));
            }
            Thread.sleep(300);
            stop.set(true);
            for (Thread sender : senders) {
                sender.join(10_000);
            }

            int succeeded = 0;
            List<Integer> saidNotSent = new ArrayList<>();
            for (Map.Entry<Integer, CompletableFuture<Outcome<Response>>> call : calls.entrySet()) {
                Outcome<Response> outcome = call.getValue().get(20, TimeUnit.SECONDS);
                if (outcome.succeeded()) {
                    succeeded++;
                } else if (outcome.failure() instanceof RedisException failure && failure.isSafeToRetry()) {
                    saidNotSent.add(call.getKey());
                }
            }
            Map<String, Integer> runs = new HashMap<>();
            for (Response id : redis.send("LRANGE", "ids", "0", "-1").toCompletableFuture().get(10, TimeUnit.SECONDS)) {
                runs.merge(id.toString(), 1, Integer::sum);
            }
            List<String> ranTwice = runs.entrySet().stream().filter(e -> e.getValue() > 1).map(Map.Entry::getKey).toList();
            List<Integer> ranThoughNotSent = saidNotSent.stream().filter(id -> runs.containsKey(Integer.toString(id))).toList();

            assertThat(ranTwice.size()).as("RPUSHes Redis ran twice (the client sent them again), such as %s",
                    ranTwice.stream().limit(5).toList()).isZero();
            assertThat(ranThoughNotSent.size()).as("RPUSHes that failed saying 'not sent, safe to retry' but ran, such as %s",
                    ranThoughNotSent.stream().limit(5).toList()).isZero();
        }
    }
}
