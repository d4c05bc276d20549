package dev.rediscdi.internal.ft;

import java.util.concurrent.CompletionException;

/** The failure itself, out of the {@link CompletionException}s that stages wrap it in. */
final class Causes {
    private Causes() {
    }

    static Throwable unwrap(Throwable failure) {
        Throwable cause = failure;
        while (cause instanceof CompletionException && cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause;
    }
}
