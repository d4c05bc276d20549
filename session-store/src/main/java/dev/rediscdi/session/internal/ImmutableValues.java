package dev.rediscdi.session.internal;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Set;
import java.util.UUID;

/** Values that cannot change in place: a request that only read them has nothing to write back. */
final class ImmutableValues {
    private static final Set<Class<?>> TYPES = Set.of(String.class, Integer.class, Long.class, Short.class, Byte.class,
            Double.class, Float.class, Character.class, Boolean.class, BigDecimal.class, BigInteger.class, UUID.class,
            Instant.class, LocalDate.class, LocalDateTime.class);

    private ImmutableValues() {
    }

    static boolean isImmutable(Object value) {
        return value == null || TYPES.contains(value.getClass()) || value instanceof Enum<?>;
    }
}
