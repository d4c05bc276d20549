package dev.rediscdi.internal.context;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A pool that starts a thread whenever every thread it has is busy, and lets a thread go after a minute idle: it
 * holds as many threads as tasks run at once, and never queues one behind tasks that block. For the application's
 * code the client runs (continuations, subscription listeners), which may block, or wait for one another: on a
 * bounded pool (Vert.x's worker pool has 20 threads by default), as many of them waiting as the pool has threads
 * would hold every later one, and so themselves, for good.
 */
final class ElasticThreads {
    private static final long IDLE_SECONDS = 60;

    private ElasticThreads() {
    }

    /** A new pool of daemon threads named {@code namePrefix1}, {@code namePrefix2}, ... */
    static ExecutorService create(String namePrefix) {
        AtomicInteger count = new AtomicInteger();
        return new ThreadPoolExecutor(0, Integer.MAX_VALUE, IDLE_SECONDS, TimeUnit.SECONDS, new SynchronousQueue<>(), task -> {
            Thread thread = new Thread(task, namePrefix + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }
}
