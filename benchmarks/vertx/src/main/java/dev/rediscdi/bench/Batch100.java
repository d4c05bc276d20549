package dev.rediscdi.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.infra.Blackhole;

import io.vertx.redis.client.Command;
import io.vertx.redis.client.Request;
import io.vertx.redis.client.Response;
import redis.clients.jedis.AbstractPipeline;

/**
 * Workload 3: batches of 100 GETs from one thread, one batch in flight; the score is keys/s. Each client's own
 * batching: {@code batch(List<Request>)} of this library and of the raw driver (pooled, and on the shared
 * connection), a Jedis pipeline; Lettuce (other jar) queues 100 async GETs with auto-flush off and flushes once.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Threads(1)
@OperationsPerInvocation(Data.BATCH)
public class Batch100 {

    private static List<Request> gets(Cursor cursor) {
        int start = cursor.nextBatchStart();
        List<Request> requests = new ArrayList<>(Data.BATCH);
        for (int i = 0; i < Data.BATCH; i++) {
            requests.add(Request.cmd(Command.GET).arg(Data.key(start + i)));
        }
        return requests;
    }

    private static void consume(List<Response> replies, Blackhole bh) {
        if (replies.size() != Data.BATCH) {
            throw new IllegalStateException(replies.size() + " replies to " + Data.BATCH + " GETs");
        }
        for (Response reply : replies) {
            bh.consume(reply.toString());
        }
    }

    @Benchmark
    public void cdi(Clients.Cdi cdi, Cursor cursor, Blackhole bh) {
        consume(cdi.client.batch(gets(cursor)).toCompletableFuture().join(), bh);
    }

    @Benchmark
    public void rawPooled(Clients.RawPooled raw, Cursor cursor, Blackhole bh) {
        consume(Clients.await(raw.redis.batch(gets(cursor))), bh);
    }

    @Benchmark
    public void rawShared(Clients.RawShared raw, Cursor cursor, Blackhole bh) {
        consume(Clients.await(raw.connection.batch(gets(cursor))), bh);
    }

    @Benchmark
    public void jedis(Clients.Jedis jedis, Cursor cursor, Blackhole bh) {
        int start = cursor.nextBatchStart();
        List<redis.clients.jedis.Response<String>> replies = new ArrayList<>(Data.BATCH);
        try (AbstractPipeline pipeline = jedis.client.pipelined()) {
            for (int i = 0; i < Data.BATCH; i++) {
                replies.add(pipeline.get(Data.key(start + i)));
            }
            pipeline.sync();
        }
        for (redis.clients.jedis.Response<String> reply : replies) {
            bh.consume(reply.get());
        }
    }
}
