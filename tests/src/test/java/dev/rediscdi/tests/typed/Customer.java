package dev.rediscdi.tests.typed;

/** A record with camel-case names, whose JSON shows which naming strategy wrote it. */
public record Customer(String firstName, int loyaltyPoints) {
}
