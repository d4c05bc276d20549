package dev.rediscdi.tests;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs an action from many threads at once, a bounded number of times each, and collects what failed. */
final class Concurrently {
    private static final long JOIN_MILLIS = TimeUnit.SECONDS.toMillis(60);

    @FunctionalInterface
    interface Action {
        void run() throws Exception;
    }

    private Concurrently() {
    }

    static List<Throwable> run(int threads, int timesEach, Action action) throws InterruptedException {
        List<Throwable> failures = Collections.synchronizedList(new ArrayList<>());
        List<Thread> started = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            Thread thread = new Thread(() -> {
                for (int i = 0; i < timesEach; i++) {
                    try {
                        action.run();
                    } catch (Exception e) {
                        failures.add(e);
                    }
                }
            });
            started.add(thread);
            thread.start();
        }
        for (Thread thread : started) {
            thread.join(JOIN_MILLIS);
            if (thread.isAlive()) {
                failures.add(new AssertionError(thread.getName() + " still running after " + JOIN_MILLIS + " ms"));
            }
        }
        return failures;
    }
}
