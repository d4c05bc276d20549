package dev.rediscdi.tests.typed;

import java.math.BigDecimal;
import java.util.List;

/** A record stored as JSON. */
public record Order(String id, int quantity, BigDecimal price, List<String> tags) {
}
