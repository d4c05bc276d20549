package dev.rediscdi.bench;

import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Successful and failed commands of one thread, reported by JMH as rates ({@code ok} and {@code errors}, ops/s)
 * next to the primary metric, which counts every call, failed ones included.
 */
@State(Scope.Thread)
@AuxCounters(AuxCounters.Type.OPERATIONS)
public class Outcomes {
    public long ok;
    public long errors;

    @Setup(Level.Iteration)
    public void reset() {
        ok = 0;
        errors = 0;
    }
}
