package dev.rediscdi.sample.quarkus.ratelimit;

import java.util.List;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ThreadLocalRandom;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * A rate-limited endpoint: each caller (header {@code X-Client-Id}, else {@code anonymous}) gets
 * {@code sample.rate-limit.requests} quotes per window, then 429 with {@code Retry-After}.
 */
@Path("/quote")
public class QuoteResource {

    private static final List<String> QUOTES = List.of(
            "Make it work, make it right, make it fast.",
            "Simplicity is prerequisite for reliability.",
            "The cheapest, fastest and most reliable components are those that aren't there.");

    @Inject
    RateLimiter limiter;

    @GET
    @Produces(MediaType.TEXT_PLAIN)
    public CompletionStage<Response> quote(@HeaderParam("X-Client-Id") String clientId) {
        String client = clientId == null || clientId.isBlank() ? "anonymous" : clientId;
        return limiter.acquire(client).thenApply(decision -> {
            Response.ResponseBuilder response = decision.allowed()
                    ? Response.ok(QUOTES.get(ThreadLocalRandom.current().nextInt(QUOTES.size())))
                    : Response.status(Response.Status.TOO_MANY_REQUESTS)
                            .entity("Too many requests: " + decision.limit() + " per window; try again later")
                            .header("Retry-After", Math.max(1, (decision.retryAfter().toMillis() + 999) / 1000));
            return response.header("X-RateLimit-Limit", decision.limit())
                    .header("X-RateLimit-Remaining", decision.remaining())
                    .build();
        });
    }
}
