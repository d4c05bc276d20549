package dev.rediscdi.sample.quarkus;

import java.util.concurrent.CompletionStage;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import dev.rediscdi.NamedRedisClient;
import dev.rediscdi.RedisClient;
import dev.rediscdi.ReplyType;

/** A cache on the named client {@code cache} ({@code redis.cache.hosts}): entries live for 60 seconds. */
@Path("/cache")
public class CacheResource {

    /** Seconds an entry lives. */
    public static final int TTL_SECONDS = 60;

    @Inject
    @NamedRedisClient("cache")
    RedisClient cache;

    @PUT
    @Path("{key}")
    @Consumes(MediaType.TEXT_PLAIN)
    public CompletionStage<Response> put(@PathParam("key") String key, String value) {
        return cache.execute(ReplyType.OK, "SET", key, value, "EX", TTL_SECONDS)
                .thenApply(ok -> Response.noContent().build());
    }

    @GET
    @Path("{key}")
    @Produces(MediaType.TEXT_PLAIN)
    public CompletionStage<Response> get(@PathParam("key") String key) {
        return cache.execute(ReplyType.STRING, "GET", key)
                .thenApply(value -> value == null
                        ? Response.status(Response.Status.NOT_FOUND).build()
                        : Response.ok(value).build());
    }
}
