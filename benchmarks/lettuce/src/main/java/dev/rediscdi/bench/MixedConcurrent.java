package dev.rediscdi.bench;

import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.infra.Blackhole;

/** Workload 2 on Lettuce: see the vertx jar's MixedConcurrent. 64 threads share Lettuce's one connection. */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Threads(Data.CONCURRENCY)
public class MixedConcurrent {

    @Benchmark
    public void lettuce(LettuceClient lettuce, Cursor cursor, Outcomes outcomes, Blackhole bh) {
        try {
            String reply = cursor.nextIsWrite()
                    ? lettuce.async.set(Data.randomKey(), Data.VALUE).get()
                    : lettuce.async.get(Data.randomKey()).get();
            bh.consume(reply);
            outcomes.ok++;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            outcomes.errors++;
        } catch (Exception e) {
            outcomes.errors++;
        }
    }
}
