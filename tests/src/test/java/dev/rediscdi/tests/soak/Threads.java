package dev.rediscdi.tests.soak;

import java.time.Duration;

/**
 * The live threads of the client and its Vert.x: event loops, continuation workers, and all of them (Vert.x's
 * {@code vert.x-*}, the client's {@code redis-*}); the test's own threads (callers, a proxy's) are not counted.
 */
record Threads(int eventLoops, int continuations, int total) {

    static Threads now() {
        int eventLoops = 0;
        int continuations = 0;
        int total = 0;
        for (Thread thread : Thread.getAllStackTraces().keySet()) {
            String name = thread.getName();
            if (!thread.isAlive() || !(name.startsWith("vert.x-") || name.startsWith("redis-"))) {
                continue;
            }
            total++;
            if (name.startsWith("vert.x-eventloop-thread-")) {
                eventLoops++;
            } else if (name.startsWith("redis-continuation-")) {
                continuations++;
            }
        }
        return new Threads(eventLoops, continuations, total);
    }

    /** The threads once no more than {@code slack} above {@code before}, or after {@code within} if they never get there. */
    static Threads settled(Threads before, int slack, Duration within) throws InterruptedException {
        long deadline = System.nanoTime() + within.toNanos();
        Threads now = now();
        while (now.total > before.total + slack && System.nanoTime() < deadline) {
            Thread.sleep(100);
            now = now();
        }
        return now;
    }
}
