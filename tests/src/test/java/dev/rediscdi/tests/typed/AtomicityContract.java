package dev.rediscdi.tests.typed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;

import dev.rediscdi.CommandResults;
import dev.rediscdi.RedisReplyException;
import dev.rediscdi.RedisScript;
import dev.rediscdi.RedisTransactionConflictException;
import dev.rediscdi.ReplyType;

/** Transactions (with WATCH and retries), pipelines with per-command results, and Lua scripts. */
abstract class AtomicityContract extends ProtocolContract {
    static final RedisScript COMPARE_AND_DELETE = RedisScript.of(
            "if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) else return 0 end");

    @Test
    void shouldRunATransactionWithEachCommandsResult() throws Exception {
        server().command("SET", key + "text", "not a hash");
        AtomicReference<CompletionStage<Long>> incremented = new AtomicReference<>();

        CommandResults results = await(redis.transaction(tx -> {
            incremented.set(tx.value(Long.class).incr(key + "count"));
            tx.hash(String.class).hget(key + "text", "field");       // WRONGTYPE at EXEC: the others still run
            tx.list(Order.class).lpush(key + "recent", DataTypesContract.ORDER);
            tx.hash(Order.class).hgetall(key + "none");
        }));

        assertThat(results.size()).isEqualTo(4);
        assertThat(results.<Long>get(0)).isEqualTo(1L);
        assertThat(await(incremented.get())).isEqualTo(1L);
        assertThat(results.failed(1)).isTrue();
        assertThat(results.error(1)).isInstanceOf(RedisReplyException.class);
        assertThat(((RedisReplyException) results.error(1)).code()).isEqualTo("WRONGTYPE");
        assertThatThrownBy(() -> results.get(1)).isSameAs(results.error(1));
        assertThat(results.<Long>get(2)).isEqualTo(1L);
        assertThat(results.<java.util.Map<String, Order>>get(3)).isEmpty();
        assertThat(results.hasErrors()).isTrue();
        assertThat(server().command("LLEN", key + "recent")).isEqualTo("1");

        CommandResults blockingResults = blocking.transaction(tx -> tx.value(Long.class).incrby(key + "count", 5));
        assertThat(blockingResults.<Long>get(0)).isEqualTo(6L);
    }

    @Test
    void shouldRetryAWatchedTransactionWhenAWatchedKeyChanged() throws Exception {
        String stock = key + "stock";
        server().command("SET", stock, "10");
        AtomicInteger attempts = new AtomicInteger();

        CommandResults results = await(redis.transaction(List.of(stock), 5,
                reads -> reads.value(Long.class).get(stock).thenCompose(current -> {
                    if (attempts.incrementAndGet() == 1) { // another client sells 3 between our read and our EXEC
                        return redis.value(Long.class).decrby(stock, 3).thenApply(ignored -> current);
                    }
                    return CompletableFuture.completedFuture(current);
                }),
                (current, tx) -> tx.value(Long.class).set(stock, current - 1)));

        assertThat(attempts).hasValue(2);
        assertThat(results.size()).isEqualTo(1);
        assertThat(server().command("GET", stock)).as("10 - 3 by the other client - 1 by us").isEqualTo("6");
    }

    @Test
    void shouldGiveUpAfterTheLastAttempt() throws Exception {
        String stock = key + "stock";
        server().command("SET", stock, "10");
        AtomicInteger attempts = new AtomicInteger();

        Throwable error = failure(redis.transaction(List.of(stock), 3,
                reads -> reads.value(Long.class).get(stock)
                        .thenCompose(current -> redis.value(Long.class).incr(stock).thenApply(ignored -> {
                            attempts.incrementAndGet();
                            return current;
                        })),
                (current, tx) -> tx.value(Long.class).set(stock, -1L)));

        assertThat(error).isInstanceOf(RedisTransactionConflictException.class).hasMessageContaining("3 attempts").hasMessageContaining(stock);
        assertThat(((RedisTransactionConflictException) error).attempts()).isEqualTo(3);
        assertThat(attempts).hasValue(3);
        assertThat(server().command("GET", stock)).as("never written by the transaction").isEqualTo("13");
        assertThat(await(redis.value(String.class).get(stock))).as("the connection went back clean").isEqualTo("13");
    }

    @Test
    void shouldReturnEveryResultOfAPipelineEvenWhenOneFails() throws Exception {
        server().command("SET", key + "text", "not a list");
        AtomicReference<CompletionStage<Long>> failed = new AtomicReference<>();

        CommandResults results = await(redis.pipeline(p -> {
            p.value(String.class).set(key + "a", "1");
            failed.set(p.list(String.class).lpush(key + "text", "x"));
            p.value(String.class).get(key + "a");
            p.value(Long.class).incr(key + "n");
        }));

        assertThat(results.size()).isEqualTo(4);
        assertThat(results.failed(0)).isFalse();
        assertThat(((RedisReplyException) results.error(1)).code()).isEqualTo("WRONGTYPE");
        assertThat(failure(failed.get())).isSameAs(results.error(1));
        assertThat(results.<String>get(2)).isEqualTo("1");
        assertThat(results.<Long>get(3)).isEqualTo(1L);
        assertThat(blocking.pipeline(p -> p.value(Long.class).incr(key + "n")).<Long>get(0)).isEqualTo(2L);
    }

    @Test
    void shouldFailTheQueuedCommandsWhenTheFunctionQueueingThemThrows() throws Exception {
        IllegalStateException bug = new IllegalStateException("the application's own bug");
        AtomicReference<CompletionStage<String>> queuedInPipeline = new AtomicReference<>();
        AtomicReference<CompletionStage<String>> queuedInTransaction = new AtomicReference<>();

        Throwable pipeline = catchThrowable(() -> redis.pipeline(p -> {
            queuedInPipeline.set(p.value(String.class).set(key + "never", "1").thenApply(String::valueOf));
            throw bug;
        }));
        Throwable transaction = failure(redis.transaction(tx -> {
            queuedInTransaction.set(tx.value(String.class).get(key + "never"));
            throw bug;
        }));

        assertThat(pipeline).isSameAs(bug);
        assertThat(transaction).isSameAs(bug);
        assertThat(failure(queuedInPipeline.get())).as("the queued command's stage completes").isSameAs(bug);
        assertThat(failure(queuedInTransaction.get())).isSameAs(bug);
        assertThat(server().command("EXISTS", key + "never")).isEqualTo("0");
    }

    @Test
    void shouldRunAScriptInsideATransactionAndAPipelineThatRedisDoesNotKnowYet() throws Exception {
        RedisScript addTwice = RedisScript.of("return redis.call('INCRBY', KEYS[1], ARGV[1] * 2) -- " + key);
        server().command("SCRIPT", "FLUSH");
        AtomicReference<CompletionStage<Long>> inTransaction = new AtomicReference<>();

        CommandResults transaction = await(redis.transaction(tx -> {
            tx.value(Long.class).set(key + "counter", 1L);
            inTransaction.set(tx.eval(addTwice, ReplyType.LONG, List.of(key + "counter"), 5));
        }));
        server().command("SCRIPT", "FLUSH");
        CommandResults pipeline = await(redis.pipeline(p -> {
            p.eval(addTwice, ReplyType.LONG, List.of(key + "counter"), 1);
            p.value(Long.class).get(key + "counter");
        }));

        assertThat(transaction.hasErrors()).isFalse();
        assertThat(transaction.<Long>get(1)).isEqualTo(11L);
        assertThat(await(inTransaction.get())).isEqualTo(11L);
        assertThat(pipeline.<Long>get(0)).isEqualTo(13L);
        assertThat(pipeline.<Long>get(1)).as("the pipeline's order kept").isEqualTo(13L);
        assertThat(await(redis.eval(addTwice, ReplyType.LONG, List.of(key + "counter"), 1))).as("loaded by EVAL: EVALSHA finds it").isEqualTo(15L);
    }

    @Test
    void shouldKeepTheOrderOfEachPipelineOverSeveralConnections() throws Exception {
        List<CompletableFuture<CommandResults>> pipelines = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            String k = key + "p" + i;
            String value = "v" + i;
            pipelines.add(redis.pipeline(p -> {
                p.value(String.class).set(k, value);
                p.value(String.class).get(k);
                p.value(String.class).append(k, "!");
                p.value(String.class).getdel(k);
            }).toCompletableFuture());
        }
        for (int i = 0; i < pipelines.size(); i++) {
            CommandResults results = pipelines.get(i).get();
            assertThat(results.hasErrors()).isFalse();
            // with 4 connections, commands sent one by one could overtake each other; a pipeline's never do
            assertThat(results.<String>get(1)).isEqualTo("v" + i);
            assertThat(results.<String>get(3)).isEqualTo("v" + i + "!");
        }
    }

    @Test
    void shouldRunAScriptAndLoadItAgainAfterAFlush() throws Exception {
        String lock = key + "lock";
        server().command("SET", lock, "owner-1");
        assertThat(await(redis.eval(COMPARE_AND_DELETE, ReplyType.LONG, List.of(lock), "someone-else"))).isZero();
        assertThat(server().command("SCRIPT", "EXISTS", COMPARE_AND_DELETE.sha1())).contains("1");

        server().command("SCRIPT", "FLUSH");
        assertThat(server().command("SCRIPT", "EXISTS", COMPARE_AND_DELETE.sha1())).contains("0");
        assertThat(await(redis.eval(COMPARE_AND_DELETE, ReplyType.LONG, List.of(lock), "owner-1"))).isEqualTo(1L);
        assertThat(server().command("EXISTS", lock)).isEqualTo("0");
        assertThat(server().command("SCRIPT", "EXISTS", COMPARE_AND_DELETE.sha1())).as("loaded again").contains("1");
        assertThat(blocking.eval(RedisScript.of("return ARGV[1] .. KEYS[1]"), ReplyType.STRING, List.of("k"), "a")).isEqualTo("ak");
        assertThat(failure(redis.eval(RedisScript.of("return redis.call('NOSUCH')"), ReplyType.LONG, List.of())))
                .isInstanceOf(RedisReplyException.class);
    }
}
