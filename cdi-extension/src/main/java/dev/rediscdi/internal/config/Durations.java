package dev.rediscdi.internal.config;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Parses {@code 500ms}, {@code 10s}, {@code 2m}, {@code 1h} and ISO-8601 ({@code PT10S}). A bare number is refused: its unit would be a guess. */
public final class Durations {
    private static final Pattern WITH_UNIT = Pattern.compile("(\\d+)\\s*(ms|s|m|h)");

    private Durations() {
    }

    public static Optional<Duration> parse(String text) {
        String value = text.trim().toLowerCase(Locale.ROOT);
        Matcher matcher = WITH_UNIT.matcher(value);
        if (matcher.matches()) {
            long amount;
            try {
                amount = Long.parseLong(matcher.group(1));
            } catch (NumberFormatException tooLong) {
                return Optional.empty();
            }
            return Optional.of(switch (matcher.group(2)) {
                case "ms" -> Duration.ofMillis(amount);
                case "s" -> Duration.ofSeconds(amount);
                case "m" -> Duration.ofMinutes(amount);
                default -> Duration.ofHours(amount);
            });
        }
        if (value.startsWith("pt") || value.startsWith("p")) {
            try {
                return Optional.of(Duration.parse(text.trim().toUpperCase(Locale.ROOT)));
            } catch (DateTimeParseException notIso) {
                return Optional.empty();
            }
        }
        return Optional.empty();
    }

    public static String format(Duration duration) {
        long millis = duration.toMillis();
        return millis % 1000 == 0 ? millis / 1000 + "s" : millis + "ms";
    }
}
