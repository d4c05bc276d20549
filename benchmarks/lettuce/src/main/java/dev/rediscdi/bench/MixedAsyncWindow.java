package dev.rediscdi.bench;

import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Threads;

/** Workload 2, asynchronous variant, on Lettuce: see the vertx jar's MixedAsyncWindow. */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Threads(1)
public class MixedAsyncWindow {

    @Benchmark
    public void lettuce(LettuceClient lettuce, Cursor cursor, Window window) {
        window.acquire();
        try {
            (cursor.nextIsWrite()
                    ? lettuce.async.set(Data.randomKey(), Data.VALUE)
                    : lettuce.async.get(Data.randomKey()))
                    .whenComplete((reply, error) -> window.done(error == null && reply != null));
        } catch (RuntimeException e) {
            window.done(false);
        }
    }
}
