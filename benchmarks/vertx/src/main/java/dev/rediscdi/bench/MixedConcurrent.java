package dev.rediscdi.bench;

import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.infra.Blackhole;

import dev.rediscdi.ValueCommands;
import io.vertx.core.Future;
import io.vertx.redis.client.Response;

/**
 * Workload 2: 64 concurrent callers. 64 JMH threads, each alternating GET and SET of 100-byte values on random keys
 * and waiting for its reply, like 64 request threads of an application server. Every client gets the same 64
 * threads and uses them the way it is meant to: the asynchronous ones (this library, raw shared connection,
 * Lettuce) pipeline everybody's commands on one connection, the pooled ones borrow a connection per command.
 *
 * <p>Failures are counted, not thrown: the {@code ok} and {@code errors} secondary metrics are the rates of
 * successful and failed commands (the raw pooled driver with its defaults, 6 connections and 24 waiters, refuses
 * the rest with "Connection pool reached max wait queue size"). The primary metric counts both.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Threads(Data.CONCURRENCY)
public class MixedConcurrent {

    @Benchmark
    public void cdi(Clients.Cdi cdi, Cursor cursor, Outcomes outcomes, Blackhole bh) {
        try {
            Response reply = cursor.nextIsWrite()
                    ? cdi.client.send("SET", Data.randomKey(), Data.VALUE).toCompletableFuture().join()
                    : cdi.client.send("GET", Data.randomKey()).toCompletableFuture().join();
            bh.consume(reply.toString());
            outcomes.ok++;
        } catch (RuntimeException e) {
            outcomes.errors++;
        }
    }

    /** The same through the typed commands: {@code redis.value(String.class).set/get}. */
    @Benchmark
    public void cdiTyped(Clients.Cdi cdi, Cursor cursor, Outcomes outcomes, Blackhole bh) {
        try {
            ValueCommands<String, String> values = cdi.client.value(String.class);
            if (cursor.nextIsWrite()) {
                values.set(Data.randomKey(), Data.VALUE).toCompletableFuture().join();
            } else {
                bh.consume(values.get(Data.randomKey()).toCompletableFuture().join());
            }
            outcomes.ok++;
        } catch (RuntimeException e) {
            outcomes.errors++;
        }
    }

    @Benchmark
    public void rawPooled(Clients.RawPooled raw, Cursor cursor, Outcomes outcomes, Blackhole bh) {
        vertx(cursor.nextIsWrite() ? raw.api.set(java.util.List.of(Data.randomKey(), Data.VALUE)) : raw.api.get(Data.randomKey()),
                outcomes, bh);
    }

    @Benchmark
    public void rawShared(Clients.RawShared raw, Cursor cursor, Outcomes outcomes, Blackhole bh) {
        vertx(cursor.nextIsWrite() ? raw.api.set(java.util.List.of(Data.randomKey(), Data.VALUE)) : raw.api.get(Data.randomKey()),
                outcomes, bh);
    }

    @Benchmark
    public void jedis(Clients.Jedis jedis, Cursor cursor, Outcomes outcomes, Blackhole bh) {
        try {
            bh.consume(cursor.nextIsWrite()
                    ? jedis.client.set(Data.randomKey(), Data.VALUE)
                    : jedis.client.get(Data.randomKey()));
            outcomes.ok++;
        } catch (RuntimeException e) {
            outcomes.errors++;
        }
    }

    private static void vertx(Future<Response> reply, Outcomes outcomes, Blackhole bh) {
        try {
            bh.consume(Clients.await(reply).toString());
            outcomes.ok++;
        } catch (RuntimeException e) {
            outcomes.errors++;
        }
    }
}
