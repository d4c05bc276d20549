package dev.rediscdi.session.it;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/** Waits, bounded in time, for a condition the system reaches by itself (an expiry sweep). */
final class Eventually {
    private Eventually() {
    }

    static void until(Duration timeout, BooleanSupplier condition, String what) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not within " + timeout + ": " + what);
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted while waiting for " + what, e);
            }
        }
    }
}
