package dev.rediscdi.tests.soak;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Consumer;
import java.util.function.Function;

import dev.rediscdi.CommandResults;
import dev.rediscdi.RedisClient;
import dev.rediscdi.RedisCommands;
import dev.rediscdi.RedisException;
import dev.rediscdi.RedisReplyException;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.Request;
import io.vertx.redis.client.Response;

/**
 * Callers that each run, in turn, a plain SET and GET (a quarter of them with the blocking client), a batch, a
 * MULTI/EXEC transaction, a pipeline, a blocking pop with a short timeout and a PUBLISH, every one on keys of its own
 * with a value of its own, and check every reply they get: a caller that reads anything but what it wrote (or
 * nothing, when its write failed) got a reply meant for someone else. Each call is awaited at most
 * {@code callBound}: one still pending then never completes in time.
 */
final class MixedLoad implements AutoCloseable {
    enum Op {
        PLAIN, BATCH, TRANSACTION, PIPELINE, POP, EMPTY_POP, PUBLISH
    }

    private static final int MAX_ITERATIONS = 10_000_000;

    private final RedisClient redis;
    private final String prefix;
    private final String channel;
    private final Duration callBound;
    private final AtomicBoolean stop = new AtomicBoolean();
    private final List<Thread> callers = new ArrayList<>();
    private final Map<Op, LongAdder> successes = new EnumMap<>(Op.class);
    private final Map<String, LongAdder> failures = new ConcurrentHashMap<>();
    /** The first failure of each kind, with the call it failed. */
    private final Map<String, String> examples = new ConcurrentHashMap<>();
    private final List<String> mismatches = Collections.synchronizedList(new ArrayList<>());
    private final List<String> stuck = Collections.synchronizedList(new ArrayList<>());
    private final List<Throwable> undocumented = Collections.synchronizedList(new ArrayList<>());

    /**
     * @param prefix of every key, unique to this load
     * @param channel where PUBLISH goes
     */
    MixedLoad(RedisClient redis, String prefix, String channel, Duration callBound) {
        this.redis = redis;
        this.prefix = prefix;
        this.channel = channel;
        this.callBound = callBound;
        for (Op op : Op.values()) {
            successes.put(op, new LongAdder());
        }
    }

    MixedLoad start(int count) {
        for (int c = 0; c < count; c++) {
            int caller = c;
            Thread thread = new Thread(() -> run(caller), "soak-caller-" + c);
            thread.setDaemon(true);
            callers.add(thread);
            thread.start();
        }
        return this;
    }

    /** Waits until every kind of call succeeded {@code times} more times than it had; false if that took longer than {@code within}. */
    boolean awaitSuccesses(long times, Duration within) throws InterruptedException {
        Map<Op, Long> from = successes();
        long deadline = System.nanoTime() + within.toNanos();
        while (System.nanoTime() < deadline) {
            Map<Op, Long> now = successes();
            if (from.entrySet().stream().allMatch(e -> now.get(e.getKey()) - e.getValue() >= times)) {
                return true;
            }
            Thread.sleep(20);
        }
        return false;
    }

    Map<Op, Long> successes() {
        Map<Op, Long> copy = new EnumMap<>(Op.class);
        successes.forEach((op, count) -> copy.put(op, count.sum()));
        return copy;
    }

    /** Failures by exception class, simple name, and for a {@link RedisReplyException} its code ("RedisReplyException OOM"). */
    Map<String, Long> failures() {
        Map<String, Long> copy = new TreeMap<>();
        failures.forEach((type, count) -> copy.put(type, count.sum()));
        return copy;
    }

    /** The first failure of each kind (as {@link #failures()} names them), with the call it failed. */
    Map<String, String> failureExamples() {
        return new TreeMap<>(examples);
    }

    List<String> mismatches() {
        return snapshot(mismatches);
    }

    List<String> stuck() {
        return snapshot(stuck);
    }

    /** Failures that are not {@link dev.rediscdi.RedisException}s, or not RedisExceptions the README documents. */
    List<Throwable> undocumented() {
        synchronized (undocumented) {
            return List.copyOf(undocumented);
        }
    }

    /** Stops the callers and waits for them; false if one is still running after {@code within}. */
    boolean stop(Duration within) throws InterruptedException {
        stop.set(true);
        long deadline = System.nanoTime() + within.toNanos();
        for (Thread caller : callers) {
            caller.join(Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime())));
        }
        return callers.stream().noneMatch(Thread::isAlive);
    }

    @Override
    public void close() throws InterruptedException {
        stop(callBound.multipliedBy(2));
    }

    private void run(int caller) {
        for (int n = 0; n < MAX_ITERATIONS && !stop.get() && !Thread.currentThread().isInterrupted(); n++) {
            Op op = Op.values()[(caller + n) % Op.values().length];
            String key = prefix + caller + ":" + n;
            String value = "caller-" + caller + "-call-" + n;
            try {
                boolean ok = switch (op) {
                    case PLAIN -> caller % 4 == 0 ? plainBlocking(key, value) : plain(key, value);
                    case BATCH -> batch(key, value);
                    case TRANSACTION -> transaction(key, value);
                    case PIPELINE -> pipeline(key, value);
                    case POP -> pop(key, value);
                    case EMPTY_POP -> emptyPop(key);
                    case PUBLISH -> await(op, redis.send("PUBLISH", channel, value)) != null;
                };
                if (ok) {
                    successes.get(op).increment();
                }
            } catch (CallFailed failed) {
                pause(); // counted where it failed; a refusal comes at once, and 32 callers spinning would starve the machine
            } catch (RuntimeException | Error unexpected) {
                undocumented.add(unexpected);
            }
        }
    }

    /** SET then GET: the GET reads this caller's value, or nothing if the SET failed (it may not have run). */
    private boolean plain(String key, String value) {
        boolean set = acknowledged(Op.PLAIN, key, "SET", "OK", redis.send("SET", key, value));
        checkRead(key, value, set, await(Op.PLAIN, redis.send("GET", key)));
        return set;
    }

    /** The GET after a SET reads the caller's value, or nothing if the SET failed (it may not have run). */
    private void checkRead(String key, String value, boolean set, Response read) {
        String got = read == null ? null : read.toString();
        if (!Objects.equals(got, value) && (set || got != null)) {
            mismatch(Op.PLAIN, key, "GET after SET " + (set ? "ok" : "failed"), value, got);
        }
    }

    private boolean batch(String key, String value) {
        List<Response> replies = await(Op.BATCH, redis.batch(List.of(Request.cmd(Command.SET).arg(key).arg(value), Request.cmd(Command.GET).arg(key))));
        expect(Op.BATCH, key, "batch size", "2", replies == null ? null : Integer.toString(replies.size()));
        expect(Op.BATCH, key, "batch SET", "OK", replies.get(0));
        expect(Op.BATCH, key, "batch GET", value, replies.get(1));
        return true;
    }

    private boolean transaction(String key, String value) {
        return setThenGet(Op.TRANSACTION, key, value, redis::transaction);
    }

    private boolean pipeline(String key, String value) {
        return setThenGet(Op.PIPELINE, key, value, redis::pipeline);
    }

    /**
     * SET then GET queued together: the GET's result and its stage hold this caller's value. A command of a pipeline
     * may fail alone (its connection lost); a transaction fails whole.
     */
    private boolean setThenGet(Op op, String key, String value, Function<Consumer<RedisCommands>, CompletionStage<CommandResults>> queued) {
        AtomicReference<CompletionStage<String>> get = new AtomicReference<>();
        CommandResults results = await(op, queued.apply(commands -> {
            commands.value(String.class).set(key, value);
            get.set(commands.value(String.class).get(key));
        }));
        for (int i = 0; i < results.size(); i++) {
            if (results.failed(i)) {
                failed(op, results.error(i));
            }
        }
        if (results.hasErrors()) {
            throw new CallFailed();
        }
        expect(op, key, "size", "2", Integer.toString(results.size()));
        expect(op, key, "GET result", value, String.valueOf((Object) results.get(1)));
        expect(op, key, "GET stage", value, await(op, get.get()));
        return true;
    }

    /** As {@link #plain}, with the blocking client: a quarter of the callers wait for their replies that way. */
    private boolean plainBlocking(String key, String value) {
        boolean set = false;
        try {
            expect(Op.PLAIN, key, "SET (blocking client)", "OK", redis.blocking().send("SET", key, value));
            set = true;
        } catch (RedisException e) {
            failed(Op.PLAIN, e);
        } catch (CallFailed mismatch) {
            // counted
        }
        Response read;
        try {
            read = redis.blocking().send("GET", key);
        } catch (RedisException e) {
            failed(Op.PLAIN, e);
            throw new CallFailed();
        }
        checkRead(key, value, set, read);
        return set;
    }

    /** RPUSH to a list of this call's own, then BLPOP it: the element popped is this call's, or none if the RPUSH failed. */
    private boolean pop(String key, String value) {
        boolean pushed = acknowledged(Op.POP, key, "RPUSH", "1", redis.send("RPUSH", key, value));
        Response popped = await(Op.POP, redis.send("BLPOP", key, "0.2"));
        if (popped == null) {
            if (pushed) {
                mismatch(Op.POP, key, "BLPOP after RPUSH ok", value, null);
            }
            return false;
        }
        expect(Op.POP, key, "BLPOP key", key, popped.size() == 2 ? popped.get(0) : popped);
        expect(Op.POP, key, "BLPOP element", value, popped.size() == 2 ? popped.get(1) : popped);
        return pushed;
    }

    /** BLPOP on a list nobody writes: it times out in Redis, with no element. */
    private boolean emptyPop(String key) {
        Response popped = await(Op.EMPTY_POP, redis.send("BLPOP", key + ":empty", "0.05"));
        if (popped != null) {
            mismatch(Op.EMPTY_POP, key, "BLPOP of an empty list", null, popped.toString());
        }
        return true;
    }

    /** Whether a write was acknowledged with {@code expected}; if it failed, it may or may not have run, as the next read tells. */
    private boolean acknowledged(Op op, String key, String what, String expected, CompletionStage<Response> write) {
        try {
            expect(op, key, what, expected, await(op, write));
            return true;
        } catch (CallFailed failed) {
            return false;
        }
    }

    private <T> T await(Op op, CompletionStage<T> stage) {
        try {
            return stage.toCompletableFuture().get(callBound.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            stuck.add(op + " still pending after " + callBound.toMillis() + " ms");
            throw new CallFailed();
        } catch (ExecutionException e) {
            failed(op, e.getCause());
            throw new CallFailed();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CallFailed();
        }
    }

    private void failed(Op op, Throwable failure) {
        String type = failure instanceof RedisReplyException refused ? "RedisReplyException " + refused.code() : failure.getClass().getSimpleName();
        failures.computeIfAbsent(type, t -> new LongAdder()).increment();
        examples.putIfAbsent(type, op + ": " + failure.getMessage());
        if (!(failure instanceof dev.rediscdi.RedisException)) {
            undocumented.add(new AssertionError(op + " failed with " + failure, failure));
        }
    }

    private void expect(Op op, String key, String what, String expected, Object actual) {
        String got = actual == null ? null : actual.toString();
        if (!Objects.equals(expected, got)) {
            mismatch(op, key, what, expected, got);
            throw new CallFailed();
        }
    }

    private void mismatch(Op op, String key, String what, String expected, String got) {
        mismatches.add(op + " " + key + ": " + what + " expected <" + expected + "> but got <" + got + ">");
    }

    private static void pause() {
        try {
            Thread.sleep(1);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static List<String> snapshot(List<String> list) {
        synchronized (list) {
            return List.copyOf(list);
        }
    }

    /** A call that failed, already counted. */
    private static final class CallFailed extends RuntimeException {
        private static final long serialVersionUID = 1L;

        CallFailed() {
            super(null, null, false, false);
        }
    }
}
