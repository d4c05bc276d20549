package dev.rediscdi.session.it;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Holds a request inside the application at a named gate until the test opens it, so that a test can order
 * concurrent requests of one session: {@code ?gate=<name>} makes {@link AppServlet} stop after its action, before it
 * answers (and so before the store writes the session).
 */
public final class Gates {
    private static final ConcurrentMap<String, Gate> GATES = new ConcurrentHashMap<>();

    private Gates() {
    }

    /** In the application: tells the test the request reached the gate, and waits (30 s at most) until it opens. */
    static void pass(String name) {
        Gate gate = gate(name);
        gate.reached.countDown();
        try {
            if (!gate.open.await(30, TimeUnit.SECONDS)) {
                throw new IllegalStateException("gate " + name + " was never opened");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted at gate " + name, e);
        }
    }

    /** In the test: waits (30 s at most) until a request reached the gate. */
    public static void awaitReached(String name) throws InterruptedException {
        if (!gate(name).reached.await(30, TimeUnit.SECONDS)) {
            throw new AssertionError("no request reached gate " + name + " within 30 s");
        }
    }

    /** In the test: lets the request at the gate go on. */
    public static void open(String name) {
        gate(name).open.countDown();
    }

    private static Gate gate(String name) {
        return GATES.computeIfAbsent(name, unused -> new Gate());
    }

    private static final class Gate {
        final CountDownLatch reached = new CountDownLatch(1);
        final CountDownLatch open = new CountDownLatch(1);
    }
}
