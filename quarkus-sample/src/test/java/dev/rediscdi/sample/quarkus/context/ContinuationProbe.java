package dev.rediscdi.sample.quarkus.context;

import java.util.concurrent.CompletionStage;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import dev.rediscdi.RedisClient;
import io.smallrye.common.annotation.Blocking;
import io.vertx.core.Context;
import io.vertx.core.Vertx;

/**
 * Endpoints for {@link ContinuationContextTest}: each registers continuations on the library's stages and reports
 * what they saw: the request's {@link RequestMarker}, the thread, the Vert.x context and the class loader.
 */
@Path("/test/continuations")
@Produces(MediaType.TEXT_PLAIN)
public class ContinuationProbe {

    @Inject
    RedisClient redis;

    @Inject
    RequestMarker marker;

    /** Registered on the request's event loop (a non-blocking endpoint). */
    @GET
    @Path("reactive")
    public CompletionStage<String> reactive() {
        Seen before = Seen.now(marker.id());
        return redis.send("PING").thenCompose(pong -> redis.send("PING").thenApply(again -> before.compare(Seen.now(marker.id()))));
    }

    /** Registered on a worker thread ({@code @Blocking}). */
    @GET
    @Path("blocking")
    @Blocking
    public CompletionStage<String> blocking() {
        Seen before = Seen.now(marker.id());
        return redis.send("PING").thenCompose(pong -> redis.send("PING").thenApply(again -> before.compare(Seen.now(marker.id()))));
    }

    /** What a piece of code saw, where it ran. */
    record Seen(String marker, String thread, Context context, ClassLoader loader, boolean eventLoop) {
        static Seen now(String marker) {
            return new Seen(marker, Thread.currentThread().getName(), Vertx.currentContext(), Thread.currentThread().getContextClassLoader(),
                    Context.isOnEventLoopThread());
        }

        /** {@code marker=same|other context=same|other loader=same|other eventLoop=true|false thread=<name>} of the later one. */
        String compare(Seen later) {
            return "marker=" + (marker.equals(later.marker) ? "same" : "other")
                    + " context=" + (context != null && context == later.context ? "same" : "other")
                    + " loader=" + (loader == later.loader ? "same" : "other")
                    + " eventLoop=" + later.eventLoop
                    + " registeredOnEventLoop=" + eventLoop
                    + " thread=" + later.thread;
        }
    }
}
