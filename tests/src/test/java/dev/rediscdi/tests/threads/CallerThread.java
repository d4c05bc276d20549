package dev.rediscdi.tests.threads;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

import org.jboss.weld.environment.se.WeldContainer;

import dev.rediscdi.RedisClient;
import dev.rediscdi.tests.Containers;
import io.netty.util.internal.InternalThreadLocalMap;

/**
 * Makes one call of a client on a fresh plain thread, as a servlet container's request thread or an EJB's would, and
 * checks that Netty left nothing on that thread. Such a thread outlives the application: Netty's per-thread map left
 * there holds objects of the application's class loader, and so the class loader, after every redeploy.
 */
final class CallerThread {
    private static final long BOUND_SECONDS = 20;

    private CallerThread() {
    }

    /**
     * Boots a container (its configuration installed by the caller) whose default client answered once on this thread,
     * then makes the call {@code of} gives on a fresh plain thread. A container of its own per call, so that the call is
     * the first of its kind and opens the connections it needs: an open, pooled one would hide a connect made there.
     */
    static void assertLeavesNoNettyState(String call, Function<WeldContainer, Callable<? extends CompletionStage<?>>> of) throws Exception {
        try (WeldContainer container = Containers.boot()) {
            container.select(RedisClient.class).get().send("PING").toCompletableFuture().get(BOUND_SECONDS, TimeUnit.SECONDS);
            Callable<? extends CompletionStage<?>> made = of.apply(container);

            assertThat(nettyStateLeftBy(made)).as("%s left Netty's InternalThreadLocalMap on the caller's thread", call).isNull();
        }
    }

    /** Netty's {@link InternalThreadLocalMap} left on a fresh thread once {@code call}'s stage completed; {@code null} if none. */
    private static InternalThreadLocalMap nettyStateLeftBy(Callable<? extends CompletionStage<?>> call) throws Exception {
        CompletableFuture<Optional<InternalThreadLocalMap>> left = new CompletableFuture<>();
        Thread caller = new Thread(() -> {
            try {
                call.call().toCompletableFuture().get(BOUND_SECONDS, TimeUnit.SECONDS);
                left.complete(Optional.ofNullable(InternalThreadLocalMap.getIfSet()));
            } catch (Throwable failed) {
                left.completeExceptionally(failed);
            }
        }, "plain-caller");
        caller.start();
        try {
            return left.get(2 * BOUND_SECONDS, TimeUnit.SECONDS).orElse(null);
        } finally {
            caller.join(TimeUnit.SECONDS.toMillis(BOUND_SECONDS));
        }
    }
}
