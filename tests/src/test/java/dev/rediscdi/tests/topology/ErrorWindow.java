package dev.rediscdi.tests.topology;

import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletionException;
import java.util.stream.Collectors;

import dev.rediscdi.tests.topology.SteadyWrites.Outcome;

/**
 * How long writes failed around one fault: from the first failed write that ended in {@code [from, to)} to the first
 * write that succeeded after the last of them. Stricter than "to the first success after the first failure": a
 * client that succeeds once and fails again stays inside its window.
 *
 * @param failures writes that failed in the range
 * @param length {@link Duration#ZERO} without failures
 * @param closed false if no write succeeded after the last failure
 * @param timeline what the writes that ended in the range saw, per 250 ms from {@code from}
 */
record ErrorWindow(int failures, Duration length, boolean closed, String timeline) {
    private static final long BUCKET_MILLIS = 250;

    static ErrorWindow of(List<Outcome> outcomes, long fromNanos, long toNanos) {
        List<Outcome> inRange = outcomes.stream().filter(o -> o.endNanos() >= fromNanos && o.endNanos() < toNanos).toList();
        String timeline = timeline(inRange, fromNanos);
        List<Outcome> failed = inRange.stream().filter(o -> !o.acknowledged()).toList();
        if (failed.isEmpty()) {
            return new ErrorWindow(0, Duration.ZERO, true, timeline);
        }
        long first = failed.stream().mapToLong(Outcome::endNanos).min().orElseThrow();
        long last = failed.stream().mapToLong(Outcome::endNanos).max().orElseThrow();
        Long recovered = outcomes.stream().filter(o -> o.acknowledged() && o.endNanos() > last).map(Outcome::endNanos)
                .min(Comparator.naturalOrder()).orElse(null);
        return new ErrorWindow(failed.size(), Duration.ofNanos((recovered == null ? last : recovered) - first), recovered != null,
                timeline);
    }

    private static String timeline(List<Outcome> outcomes, long fromNanos) {
        Map<Long, Map<String, Long>> buckets = outcomes.stream().collect(Collectors.groupingBy(
                o -> (o.endNanos() - fromNanos) / 1_000_000 / BUCKET_MILLIS * BUCKET_MILLIS, TreeMap::new,
                Collectors.groupingBy(ErrorWindow::label, TreeMap::new, Collectors.counting())));
        StringBuilder text = new StringBuilder();
        buckets.forEach((millis, counts) -> text.append("\n  +").append(millis).append(" ms ").append(counts));
        Map<String, String> examples = outcomes.stream().filter(o -> !o.acknowledged()).collect(Collectors.toMap(
                ErrorWindow::label, o -> String.valueOf(cause(o.error()).getMessage()), (first, other) -> first, TreeMap::new));
        examples.forEach((type, message) -> text.append("\n  ").append(type).append(": ").append(message));
        return text.toString();
    }

    private static String label(Outcome outcome) {
        if (outcome.acknowledged()) {
            return outcome.confirmed() ? "confirmed" : "acknowledged";
        }
        return cause(outcome.error()).getClass().getSimpleName();
    }

    private static Throwable cause(Throwable error) {
        return error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
    }

    @Override
    public String toString() {
        return failures + " failed writes, window " + length.toMillis() + " ms" + (closed ? "" : " (never closed)");
    }
}
