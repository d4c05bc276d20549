package dev.rediscdi.bench;

import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.infra.Blackhole;

import io.lettuce.core.LettuceFutures;
import io.lettuce.core.RedisFuture;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.async.RedisAsyncCommands;

/**
 * Workload 3 on Lettuce: see the vertx jar's Batch100. Pipelining as Lettuce documents it: 100 async GETs queued on a
 * connection with auto-flush off, one flush, then wait for all.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Threads(1)
@OperationsPerInvocation(Data.BATCH)
public class Batch100 {

    @Benchmark
    public void lettuce(LettuceClient lettuce, Cursor cursor, Blackhole bh) throws InterruptedException, ExecutionException {
        StatefulRedisConnection<String, String> connection = lettuce.batch();
        RedisAsyncCommands<String, String> async = connection.async();
        int start = cursor.nextBatchStart();
        @SuppressWarnings("unchecked")
        RedisFuture<String>[] replies = new RedisFuture[Data.BATCH];
        for (int i = 0; i < Data.BATCH; i++) {
            replies[i] = async.get(Data.key(start + i));
        }
        connection.flushCommands();
        if (!LettuceFutures.awaitAll(Duration.ofSeconds(10), replies)) {
            throw new IllegalStateException("no reply to the batch within 10 s");
        }
        for (RedisFuture<String> reply : replies) {
            bh.consume(reply.get());
        }
    }
}
