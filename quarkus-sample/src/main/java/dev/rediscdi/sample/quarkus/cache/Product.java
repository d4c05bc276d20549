package dev.rediscdi.sample.quarkus.cache;

/** A product of the catalog; prices in cents. */
public record Product(String id, String name, long priceCents) {
}
