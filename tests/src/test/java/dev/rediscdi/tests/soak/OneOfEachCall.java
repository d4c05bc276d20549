package dev.rediscdi.tests.soak;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import dev.rediscdi.BlockingRedisClient;
import dev.rediscdi.CommandResults;
import dev.rediscdi.KeyValue;
import dev.rediscdi.RedisClient;
import dev.rediscdi.RedisMessage;
import dev.rediscdi.ReplyType;
import dev.rediscdi.ScanArgs;
import dev.rediscdi.Subscription;
import dev.rediscdi.tests.Eventually;
import dev.rediscdi.testing.RedisServer;

/**
 * Every kind of call an application makes, once, as a deployment would: plain and typed commands, a blocking pop served
 * and one left blocked, subscriptions (one dropped, one left open) and the {@code events.channels} observer, transactions,
 * a {@code withConnection} lease, two SCANs dropped half way and the blocking client. Each call is checked, so that a
 * deployment that silently did nothing cannot pass for a clean one.
 */
record OneOfEachCall(RedisClient redis, BlockingRedisClient blocking, RedisServer server, String prefix) {
    static final Duration BOUND = Duration.ofSeconds(10);
    private static final int SCANNED_KEYS = 60;

    /**
     * Makes every call; returns the blocking pop still blocked in Redis, which the caller leaves to the shutdown.
     *
     * @param events what the observer of {@code eventsChannel} heard
     */
    CompletableFuture<KeyValue<String, String>> run(String eventsChannel, LinkedBlockingQueue<String> events) throws Exception {
        commands();
        typedCommands();
        servedPop();
        subscriptions();
        observedEvents(eventsChannel, events);
        transactions();
        lease();
        droppedScans();
        blockingClient();
        return popLeftBlocked();
    }

    private void commands() throws Exception {
        assertThat(done(redis.send("SET", prefix + "plain", "v")).toString()).isEqualTo("OK");
        assertThat(done(redis.send("GET", prefix + "plain")).toString()).isEqualTo("v");
        assertThat(done(redis.execute(ReplyType.LONG, "INCR", prefix + "counter"))).isEqualTo(1L);
    }

    private void typedCommands() throws Exception {
        done(redis.value(String.class).set(prefix + "typed", "t"));
        assertThat(done(redis.value(String.class).get(prefix + "typed"))).isEqualTo("t");
        done(redis.hash(Integer.class).hset(prefix + "hash", "f", 7));
        assertThat(done(redis.hash(Integer.class).hgetall(prefix + "hash"))).isEqualTo(Map.of("f", 7));
    }

    private void servedPop() throws Exception {
        CompletionStage<KeyValue<String, String>> pop = redis.list(String.class).blpop(BOUND, prefix + "queue");
        done(redis.list(String.class).rpush(prefix + "queue", "job"));
        assertThat(done(pop)).isEqualTo(new KeyValue<>(prefix + "queue", "job"));
    }

    private void subscriptions() throws Exception {
        LinkedBlockingQueue<RedisMessage> heard = new LinkedBlockingQueue<>();
        Subscription dropped = done(redis.subscribe(heard::add, prefix + "dropped"));
        Subscription kept = done(redis.subscribe(heard::add, prefix + "kept"));
        done(redis.send("PUBLISH", prefix + "dropped", "one"));
        done(redis.send("PUBLISH", prefix + "kept", "two"));
        List<String> payloads = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            RedisMessage message = heard.poll(BOUND.toMillis(), TimeUnit.MILLISECONDS);
            assertThat(message).as("message %d of 2 on the subscriptions", i + 1).isNotNull();
            payloads.add(message.payloadAsString());
        }
        assertThat(payloads).containsExactlyInAnyOrder("one", "two");
        done(dropped.unsubscribe());
        assertThat(kept).isNotNull(); // left open: the shutdown closes it
    }

    /** The observer's subscription is made at start-up, without waiting: published again until it is heard. */
    private void observedEvents(String channel, LinkedBlockingQueue<String> events) throws Exception {
        String payload = prefix + "event";
        Eventually.get(BOUND, () -> {
            done(redis.send("PUBLISH", channel, payload));
            String event = events.poll(100, TimeUnit.MILLISECONDS);
            if (!payload.equals(event)) {
                throw new IllegalStateException("the observer of " + channel + " heard " + event);
            }
            return event;
        });
    }

    private void transactions() throws Exception {
        CommandResults results = done(redis.transaction(tx -> {
            tx.value(String.class).set(prefix + "tx", "a");
            tx.value(Long.class).incr(prefix + "counter");
        }));
        assertThat(results.size()).isEqualTo(2);
        CommandResults watched = done(redis.transaction(List.of(prefix + "counter"), 3, reads -> reads.value(Long.class).get(prefix + "counter"),
                (count, tx) -> tx.value(Long.class).set(prefix + "counter", count + 10)));
        assertThat(watched.size()).isEqualTo(1);
        assertThat(done(redis.value(Long.class).get(prefix + "counter"))).isEqualTo(12L);
    }

    private void lease() throws Exception {
        String value = done(redis.withConnection(connection -> connection.send("SET", prefix + "leased", "l")
                .thenCompose(ok -> connection.execute(ReplyType.STRING, "GET", prefix + "leased"))));
        assertThat(value).isEqualTo("l");
    }

    /** Two iterations of a SCAN that spans several pages, each dropped after its first keys. */
    private void droppedScans() throws Exception {
        List<Object> keysAndValues = new ArrayList<>();
        for (int i = 0; i < SCANNED_KEYS; i++) {
            keysAndValues.add(prefix + "scan:" + i);
            keysAndValues.add(i);
        }
        done(redis.send("MSET", keysAndValues.toArray()));
        ScanArgs pages = new ScanArgs().match(prefix + "scan:*").count(10);
        AtomicInteger seen = new AtomicInteger();
        CompletionStage<Void> asynchronous = redis.keys().scan(pages).forEach(key -> {
            if (seen.incrementAndGet() == 3) {
                throw new IllegalStateException("dropped after 3 keys");
            }
        });
        assertThatThrownBy(() -> done(asynchronous)).hasMessageContaining("dropped after 3 keys");
        Iterator<String> keys = blocking.keys().scan(pages).iterator();
        assertThat(keys.next()).startsWith(prefix + "scan:");
        // the iterator is dropped here, its later pages never asked for
    }

    private void blockingClient() {
        blocking.send("SET", prefix + "blocking", "b");
        assertThat(blocking.value(String.class).get(prefix + "blocking")).isEqualTo("b");
        assertThat(blocking.execute(ReplyType.LONG, "INCR", prefix + "blocking-counter")).isEqualTo(1L);
    }

    /** A pop that waits a minute for a list nobody fills, returned once Redis counts it blocked. */
    private CompletableFuture<KeyValue<String, String>> popLeftBlocked() throws Exception {
        int blockedBefore = blockedClients();
        CompletableFuture<KeyValue<String, String>> pop = redis.list(String.class).blpop(Duration.ofMinutes(1), prefix + "never-filled").toCompletableFuture();
        Eventually.get(BOUND, () -> {
            if (blockedClients() <= blockedBefore) {
                throw new IllegalStateException("Redis counts " + blockedClients() + " blocked clients; the pop is not blocked yet");
            }
            return null;
        });
        assertThat(pop).isNotDone();
        return pop;
    }

    private int blockedClients() {
        return server.command("INFO", "clients").lines().filter(line -> line.startsWith("blocked_clients:"))
                .mapToInt(line -> Integer.parseInt(line.substring("blocked_clients:".length()).trim())).findFirst().orElseThrow();
    }

    static <T> T done(CompletionStage<T> stage) throws Exception {
        try {
            return stage.toCompletableFuture().get(BOUND.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException failed) {
            throw failed.getCause() instanceof Exception cause ? cause : failed;
        }
    }
}
