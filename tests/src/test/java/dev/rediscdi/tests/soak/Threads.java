package dev.rediscdi.tests.soak;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

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

    /** Every thread alive now: what {@link #leftSince} does not count. */
    static Set<Thread> alive() {
        return Set.copyOf(Thread.getAllStackTraces().keySet());
    }

    /**
     * The names of the threads started since {@code before} whose name {@code named} accepts and that still run, once
     * none is left or after {@code within}, whichever comes first.
     */
    static List<String> leftSince(Set<Thread> before, Predicate<String> named, Duration within) throws InterruptedException {
        long deadline = System.nanoTime() + within.toNanos();
        List<String> left = startedSince(before, named);
        while (!left.isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(100);
            left = startedSince(before, named);
        }
        return left;
    }

    private static List<String> startedSince(Set<Thread> before, Predicate<String> named) {
        return Thread.getAllStackTraces().keySet().stream().filter(thread -> thread.isAlive() && !before.contains(thread))
                .map(Thread::getName).filter(named).sorted().toList();
    }
}
