package dev.rediscdi.appservers.app;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

import jakarta.enterprise.context.Dependent;

import org.eclipse.microprofile.faulttolerance.ExecutionContext;
import org.eclipse.microprofile.faulttolerance.FallbackHandler;

/** What {@link Inventory#level} answers when Redis does not: "unknown", and which failure led here. */
@Dependent
public class InventoryFallback implements FallbackHandler<CompletionStage<String>> {

    @Override
    public CompletionStage<String> handle(ExecutionContext context) {
        Throwable failure = context.getFailure();
        return CompletableFuture.completedFuture("unknown (fallback after "
                + (failure == null ? "no failure" : failure.getClass().getName()) + ")");
    }
}
