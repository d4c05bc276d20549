package dev.rediscdi.tests.readme;

public record Item(String sku, int quantity) {
}
