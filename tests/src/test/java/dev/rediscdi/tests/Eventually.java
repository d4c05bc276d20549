package dev.rediscdi.tests;

import java.time.Duration;
import java.util.concurrent.Callable;

/** Repeats an attempt until it succeeds, within a bounded time; fails with the last error otherwise. */
public final class Eventually {
    private static final long PAUSE_MILLIS = 50;

    private Eventually() {
    }

    public static <T> T get(Duration within, Callable<T> attempt) throws InterruptedException {
        long deadline = System.nanoTime() + within.toNanos();
        Exception last = null;
        for (int tries = 0; tries < 100_000; tries++) {
            try {
                return attempt.call();
            } catch (Exception e) {
                last = e;
            }
            if (System.nanoTime() > deadline) {
                break;
            }
            Thread.sleep(PAUSE_MILLIS);
        }
        throw new AssertionError("did not succeed within " + within.toMillis() + " ms", last);
    }
}
