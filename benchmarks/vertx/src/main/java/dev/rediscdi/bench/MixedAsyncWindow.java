package dev.rediscdi.bench;

import java.util.List;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Threads;

import io.vertx.core.Future;
import io.vertx.redis.client.Response;

/**
 * Workload 2, asynchronous variant (asynchronous clients only; Jedis cannot take part): ONE thread keeps 64 mixed
 * GET/SET commands in flight, issuing the next one as soon as a reply frees a slot. Without 64 threads to wake, this
 * measures what each client itself costs per command. {@code ok}/{@code errors} as in {@link MixedConcurrent}.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Threads(1)
public class MixedAsyncWindow {

    @Benchmark
    public void cdi(Clients.Cdi cdi, Cursor cursor, Window window) {
        window.acquire();
        try {
            (cursor.nextIsWrite()
                    ? cdi.client.send("SET", Data.randomKey(), Data.VALUE)
                    : cdi.client.send("GET", Data.randomKey()))
                    .whenComplete((reply, error) -> window.done(error == null && reply.toString() != null));
        } catch (RuntimeException e) {
            window.done(false);
        }
    }

    @Benchmark
    public void rawPooled(Clients.RawPooled raw, Cursor cursor, Window window) {
        window.acquire();
        vertx(cursor.nextIsWrite() ? raw.api.set(List.of(Data.randomKey(), Data.VALUE)) : raw.api.get(Data.randomKey()), window);
    }

    @Benchmark
    public void rawShared(Clients.RawShared raw, Cursor cursor, Window window) {
        window.acquire();
        vertx(cursor.nextIsWrite() ? raw.api.set(List.of(Data.randomKey(), Data.VALUE)) : raw.api.get(Data.randomKey()), window);
    }

    private static void vertx(Future<Response> reply, Window window) {
        reply.onComplete(done -> window.done(done.succeeded() && done.result().toString() != null));
    }
}
