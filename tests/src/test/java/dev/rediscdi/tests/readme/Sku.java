package dev.rediscdi.tests.readme;

public record Sku(String code) {
}
