package dev.rediscdi;

import java.time.Duration;

/** Checks of option values, with messages that name the option and the value. */
final class Arguments {
    private Arguments() {
    }

    static <T> T required(String name, T value) {
        if (value == null) {
            throw new IllegalArgumentException(name + " is null: give a value");
        }
        return value;
    }

    static long positiveSeconds(String name, Duration duration) {
        long seconds = required(name, duration).getSeconds();
        if (seconds <= 0 || duration.getNano() != 0) {
            throw new IllegalArgumentException(name + " is " + duration + ": Redis takes a whole number of seconds above zero here; "
                    + "use the millisecond variant for finer durations");
        }
        return seconds;
    }

    static long positiveMillis(String name, Duration duration) {
        long millis = required(name, duration).toMillis();
        if (millis <= 0) {
            throw new IllegalArgumentException(name + " is " + duration + ": give at least one millisecond");
        }
        if (duration.getNano() % 1_000_000 != 0) { // cut off, it would be a shorter time to live than asked for
            throw new IllegalArgumentException(name + " is " + duration + ", not a whole number of milliseconds; Redis takes milliseconds here");
        }
        return millis;
    }

    static double nonNegativeFinite(String name, double value) {
        if (!(value >= 0) || Double.isInfinite(value)) {
            throw new IllegalArgumentException(name + " is " + value + ": give a finite number, 0 or more");
        }
        return value;
    }

    /** Degrees of a coordinate: NaN and infinities are refused here; Redis refuses those out of its range, naming them. */
    static double finiteDegrees(String name, double value) {
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            throw new IllegalArgumentException(name + " is " + value + ": give degrees, a finite number");
        }
        return value;
    }

    static long atLeastOne(String name, long value) {
        if (value < 1) {
            throw new IllegalArgumentException(name + " is " + value + ": give 1 or more");
        }
        return value;
    }
}
