package dev.rediscdi.bench;

import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;

import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * Keeps {@link Data#CONCURRENCY} asynchronous commands in flight from one thread: the benchmark takes a slot before
 * each command, the reply (on the client's I/O thread) gives it back. Counts replies and failures as rates.
 */
@State(Scope.Thread)
@AuxCounters(AuxCounters.Type.OPERATIONS)
public class Window {
    private final Semaphore slots = new Semaphore(Data.CONCURRENCY);
    private final LongAdder okCount = new LongAdder();
    private final LongAdder errorCount = new LongAdder();
    private long okBase;
    private long errorBase;

    @Setup(Level.Iteration)
    public void reset() {
        okBase = okCount.sum();
        errorBase = errorCount.sum();
    }

    /** Waits for every command in flight, so that none spills into the next iteration. */
    @TearDown(Level.Iteration)
    public void drain() throws InterruptedException {
        if (!slots.tryAcquire(Data.CONCURRENCY, 30, TimeUnit.SECONDS)) {
            throw new IllegalStateException("commands still in flight 30 s after the iteration ended");
        }
        slots.release(Data.CONCURRENCY);
    }

    public long ok() {
        return okCount.sum() - okBase;
    }

    public long errors() {
        return errorCount.sum() - errorBase;
    }

    /** Takes a slot; blocks while {@link Data#CONCURRENCY} commands are in flight. */
    public void acquire() {
        slots.acquireUninterruptibly();
    }

    /** Gives the slot back when the command completed. */
    public void done(boolean succeeded) {
        if (succeeded) {
            okCount.increment();
        } else {
            errorCount.increment();
        }
        slots.release();
    }
}
