package dev.rediscdi;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The outcome of every command of a transaction or a pipeline, in the order they were queued: each one either
 * has a value (decoded as its typed command says) or the error Redis answered for it alone.
 *
 * <pre>{@code
 * CommandResults results = ...;
 * long visits = results.get(0);                  // the value, or throws that command's RedisException
 * if (results.failed(1)) log(results.error(1));  // WRONGTYPE..., the other commands still ran
 * }</pre>
 */
public final class CommandResults {
    private final List<Object> values;
    private final List<RedisException> errors;

    /** @param values the values, {@code null} where the command failed; @param errors the errors, {@code null} where it did not */
    public CommandResults(List<Object> values, List<RedisException> errors) {
        if (values.size() != errors.size()) {
            throw new IllegalArgumentException("values and errors differ in size: " + values.size() + " and " + errors.size());
        }
        this.values = Collections.unmodifiableList(new ArrayList<>(values));
        this.errors = Collections.unmodifiableList(new ArrayList<>(errors));
    }

    /** How many commands ran. */
    public int size() {
        return values.size();
    }

    /**
     * The value of command {@code index}, as the typed method declared it (assigning it to another type fails with
     * a {@link ClassCastException}).
     *
     * @throws RedisException the error of that command, if it failed
     */
    @SuppressWarnings("unchecked")
    public <T> T get(int index) {
        RedisException error = errors.get(index);
        if (error != null) {
            throw error;
        }
        return (T) values.get(index);
    }

    /** Whether command {@code index} failed. */
    public boolean failed(int index) {
        return errors.get(index) != null;
    }

    /** The error of command {@code index}, or {@code null} if it succeeded. */
    public RedisException error(int index) {
        return errors.get(index);
    }

    /** Whether any command failed. */
    public boolean hasErrors() {
        return errors.stream().anyMatch(error -> error != null);
    }

    /** The values in order, {@code null} for failed commands (and for nil replies). */
    public List<Object> values() {
        return values;
    }

    @Override
    public String toString() {
        int failed = (int) errors.stream().filter(error -> error != null).count();
        return "CommandResults[" + size() + " commands, " + failed + " failed]";
    }
}
