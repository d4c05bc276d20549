package dev.rediscdi.bench;

import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Threads;

/**
 * Workload 1: one request in flight. One thread GETs a 100-byte value and waits for the reply before the next;
 * every client hands the value to the caller as a String. Measures the round trip through each client.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Threads(1)
public class SingleGet {

    /** This library's asynchronous API, waited for by the caller. */
    @Benchmark
    public String cdiAsync(Clients.Cdi cdi, Cursor cursor) {
        return cdi.client.send("GET", cursor.nextKey()).toCompletableFuture().join().toString();
    }

    /** This library's typed commands: {@code redis.value(String.class).get(key)}. */
    @Benchmark
    public String cdiTyped(Clients.Cdi cdi, Cursor cursor) {
        return cdi.client.value(String.class).get(cursor.nextKey()).toCompletableFuture().join();
    }

    /** This library's blocking API. */
    @Benchmark
    public String cdiBlocking(Clients.Cdi cdi, Cursor cursor) {
        return cdi.blocking.send("GET", cursor.nextKey()).toString();
    }

    @Benchmark
    public String rawPooled(Clients.RawPooled raw, Cursor cursor) {
        return Clients.await(raw.api.get(cursor.nextKey())).toString();
    }

    @Benchmark
    public String rawShared(Clients.RawShared raw, Cursor cursor) {
        return Clients.await(raw.api.get(cursor.nextKey())).toString();
    }

    @Benchmark
    public String jedis(Clients.Jedis jedis, Cursor cursor) {
        return jedis.client.get(cursor.nextKey());
    }
}
