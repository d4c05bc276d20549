package dev.rediscdi.testing;

import java.time.Duration;
import java.util.function.Supplier;

/** Bounded polling for the topologies: a deadline, a poll interval, and a diagnostic on timeout. */
final class Await {

    static final Duration POLL = Duration.ofMillis(50);

    private Await() {
    }

    /**
     * Polls {@code probe} every 50 ms until it returns a non-null value, at most {@code timeout}; exceptions of the
     * probe (a node still starting, a connection refused) count as "not yet". Throws {@link IllegalStateException}
     * with {@code what}, the last failure and {@code diagnostics} on timeout.
     */
    static <T> T until(Duration timeout, String what, Supplier<T> probe, Supplier<String> diagnostics) {
        long deadline = System.nanoTime() + timeout.toNanos();
        RuntimeException last = null;
        long polls = 0;
        while (true) {
            polls++;
            try {
                T value = probe.get();
                if (value != null) {
                    return value;
                }
            } catch (RuntimeException e) { // not yet: refused, LOADING, a view still converging
                last = e;
            }
            if (System.nanoTime() > deadline) {
                String details;
                try {
                    details = diagnostics.get();
                } catch (RuntimeException e) {
                    details = "(no diagnostics: " + e + ")";
                }
                throw new IllegalStateException("timed out after " + timeout.toMillis() + " ms (" + polls
                        + " polls) waiting for " + what + (last == null ? "" : "; last failure: " + last)
                        + "\n" + details, last);
            }
            sleep(POLL.toMillis());
        }
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    /** The value of {@code field:} in an INFO reply, or null. */
    static String infoField(String info, String field) {
        if (info == null) {
            return null;
        }
        for (String line : info.split("\r?\n")) {
            if (line.startsWith(field + ":")) {
                return line.substring(field.length() + 1).trim();
            }
        }
        return null;
    }

    /** Closes each server, collecting failures; never throws before all were tried. */
    static void closeAll(Iterable<? extends AutoCloseable> closeables) {
        RuntimeException failure = null;
        for (AutoCloseable closeable : closeables) {
            try {
                closeable.close();
            } catch (Exception e) {
                if (failure == null) {
                    failure = new IllegalStateException("close failed", e);
                } else {
                    failure.addSuppressed(e);
                }
            }
        }
        if (failure != null) {
            throw failure;
        }
    }
}
