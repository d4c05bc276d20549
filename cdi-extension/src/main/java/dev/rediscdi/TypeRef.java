package dev.rediscdi;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.Objects;

/**
 * A Java type, generic ones included, for the typed commands and their codecs: {@code TypeRef.of(Order.class)},
 * or {@code new TypeRef<List<Order>>() {}} (an anonymous subclass keeps the type arguments at run time).
 *
 * <pre>{@code
 * ValueCommands<String, List<Order>> orders = redis.value(new TypeRef<List<Order>>() {});
 * }</pre>
 *
 * @param <T> the type
 */
public abstract class TypeRef<T> {
    private final Type type;

    /** For anonymous subclasses: {@code new TypeRef<Map<String, Order>>() {}}. */
    protected TypeRef() {
        Type superclass = getClass().getGenericSuperclass();
        if (!(superclass instanceof ParameterizedType parameterized)) {
            throw new IllegalArgumentException("TypeRef needs its type argument: write new TypeRef<List<Order>>() {}");
        }
        this.type = parameterized.getActualTypeArguments()[0];
    }

    private TypeRef(Type type) {
        this.type = type;
    }

    /** The type of a plain class. */
    public static <T> TypeRef<T> of(Class<T> type) {
        return new TypeRef<>(Objects.requireNonNull(type, "type")) {
        };
    }

    /** The reflected type, a {@link Class} or a {@link ParameterizedType}. */
    public Type type() {
        return type;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof TypeRef<?> ref && ref.type.equals(type);
    }

    @Override
    public int hashCode() {
        return type.hashCode();
    }

    @Override
    public String toString() {
        return type.getTypeName();
    }
}
