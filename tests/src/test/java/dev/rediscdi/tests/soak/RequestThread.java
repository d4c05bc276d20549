package dev.rediscdi.tests.soak;

import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import io.netty.util.internal.InternalThreadLocalMap;

/**
 * A plain thread that outlives the deployments, as a servlet container's request thread does: the calls of the
 * application run on it, and Netty's per-thread state left on it would hold the application's classes after the
 * application is gone.
 */
final class RequestThread implements AutoCloseable {
    private final ExecutorService thread = Executors.newSingleThreadExecutor(task -> new Thread(task, "plain-request-thread"));

    /** Runs {@code call} on the thread and waits at most {@code within} for what it returns. */
    <T> T call(Callable<T> call, Duration within) throws Exception {
        try {
            return thread.submit(call).get(within.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException failed) {
            if (failed.getCause() instanceof Error error) {
                throw error;
            }
            throw failed.getCause() instanceof Exception cause ? cause : failed;
        } catch (TimeoutException late) {
            throw new AssertionError("the call on " + this + " did not return within " + within, late);
        }
    }

    /** Netty's per-thread map on the thread, {@code null} if it has none. */
    InternalThreadLocalMap nettyState() throws Exception {
        return call(InternalThreadLocalMap::getIfSet, Duration.ofSeconds(10));
    }

    @Override
    public void close() throws InterruptedException {
        thread.shutdown();
        thread.awaitTermination(10, TimeUnit.SECONDS);
    }

    @Override
    public String toString() {
        return "the plain request thread";
    }
}
