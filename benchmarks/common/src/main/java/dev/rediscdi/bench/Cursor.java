package dev.rediscdi.bench;

import java.util.concurrent.ThreadLocalRandom;

import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

/** Per-thread position in the key space, and the GET/SET alternation of the mixed workload. */
@State(Scope.Thread)
public class Cursor {
    private int next = ThreadLocalRandom.current().nextInt(Data.KEYS);
    private boolean write = ThreadLocalRandom.current().nextBoolean();

    /** The next key, walking the key space. */
    public String nextKey() {
        return Data.key(next++);
    }

    /** The first index of the next batch of {@link Data#BATCH} consecutive keys. */
    public int nextBatchStart() {
        int start = next;
        next += Data.BATCH;
        return start;
    }

    /** Alternates GET and SET: exactly 50/50 per thread. */
    public boolean nextIsWrite() {
        write = !write;
        return write;
    }
}
