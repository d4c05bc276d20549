package dev.rediscdi.appservers;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.function.Supplier;

/** Bounded waiting for an HTTP answer that changes over time (after Redis came back, or went away). */
final class Eventually {

    private static final Duration POLL = Duration.ofMillis(200);

    private Eventually() {
    }

    /**
     * Repeats {@code request} every 200 ms until it answers {@code status}, at most {@code within}; returns that
     * answer, or fails with the last one.
     */
    static HttpResponse<String> status(int status, Duration within, Supplier<HttpResponse<String>> request) {
        long deadline = System.nanoTime() + within.toNanos();
        while (true) {
            HttpResponse<String> last = request.get();
            if (last.statusCode() == status) {
                return last;
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("still " + last.statusCode() + " instead of " + status + " after "
                        + within.toSeconds() + " s: " + last.request().method() + " " + last.uri() + "\n" + last.body());
            }
            try {
                Thread.sleep(POLL.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted", e);
            }
        }
    }
}
