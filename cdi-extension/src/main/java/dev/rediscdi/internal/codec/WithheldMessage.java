package dev.rediscdi.internal.codec;

/**
 * Stands in for the cause of a decoding failure with that cause's type and stack trace but not its message: codecs
 * and parsers quote the bytes they could not read ({@code For input string: "..."}, JSON-B's parse errors), and
 * those are the application's stored data, which must not reach logs through a logged stack trace.
 */
public final class WithheldMessage extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private static final int MAX_DEPTH = 10;

    private WithheldMessage(Throwable original, int depth) {
        super(original.getClass().getName() + " (its message is withheld: it may quote the value)",
                original.getCause() == null || depth >= MAX_DEPTH ? null : new WithheldMessage(original.getCause(), depth + 1), false, true);
        setStackTrace(original.getStackTrace());
    }

    /** The cause to attach instead of {@code original}. */
    public static WithheldMessage of(Throwable original) {
        return new WithheldMessage(original, 0);
    }
}
