package dev.rediscdi.appservers;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.function.Predicate;
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
        return answer(response -> response.statusCode() == status, "status " + status, within, request);
    }

    /** Like {@link #status}, for an answer of status 200 with the body {@code body}. */
    static HttpResponse<String> body(String body, Duration within, Supplier<HttpResponse<String>> request) {
        return answer(response -> response.statusCode() == 200 && body.equals(response.body()),
                "200 \"" + body + "\"", within, request);
    }

    private static HttpResponse<String> answer(Predicate<HttpResponse<String>> expected, String description,
            Duration within, Supplier<HttpResponse<String>> request) {
        long deadline = System.nanoTime() + within.toNanos();
        while (true) {
            HttpResponse<String> last = request.get();
            if (expected.test(last)) {
                return last;
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("still " + last.statusCode() + " instead of " + description + " after "
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
