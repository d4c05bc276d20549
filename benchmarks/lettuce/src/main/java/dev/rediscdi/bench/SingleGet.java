package dev.rediscdi.bench;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Threads;

/** Workload 1 on Lettuce: see the vertx jar's SingleGet. The async API, waited for by the caller. */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Threads(1)
public class SingleGet {

    @Benchmark
    public String lettuce(LettuceClient lettuce, Cursor cursor) throws InterruptedException, ExecutionException {
        return lettuce.async.get(cursor.nextKey()).get();
    }
}
