package dev.rediscdi.tests.readme;

import java.math.BigDecimal;

public record Order(String id, BigDecimal total) {
}
