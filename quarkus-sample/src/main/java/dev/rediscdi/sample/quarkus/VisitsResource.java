package dev.rediscdi.sample.quarkus;

import java.util.concurrent.CompletionStage;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import dev.rediscdi.RedisClient;
import dev.rediscdi.ReplyType;

/** Counts page visits with {@code INCR} on the default client, without blocking the event loop. */
@Path("/visits")
public class VisitsResource {

    /** The key prefix of the counters: {@code visits:PAGE}. */
    public static final String KEY_PREFIX = "visits:";

    @Inject
    RedisClient redis;

    @GET
    @Path("{page}")
    @Produces(MediaType.TEXT_PLAIN)
    public CompletionStage<String> visit(@PathParam("page") String page) {
        return redis.execute(ReplyType.LONG, "INCR", KEY_PREFIX + page).thenApply(String::valueOf);
    }
}
