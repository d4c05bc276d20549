package dev.rediscdi.tests.typed;

/** A type with a codec bean of its own. */
public record Money(long cents) {
}
