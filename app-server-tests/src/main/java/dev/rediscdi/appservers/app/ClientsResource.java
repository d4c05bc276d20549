package dev.rediscdi.appservers.app;

import java.util.concurrent.CompletionStage;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import dev.rediscdi.BlockingRedisClient;
import dev.rediscdi.NamedRedisClient;
import dev.rediscdi.ReplyType;

/**
 * Strings written and read through the default client (by way of {@link Notes}, asynchronously) and through
 * the named client {@code cache} (injected here, blocking). 404 for a missing key; a Redis failure is mapped to a
 * status by {@link RedisExceptionMapper}. The {@code cache} client has a short deadline and a quick circuit breaker
 * (see {@code microprofile-config.properties}): when Redis hangs, its calls fail fast instead of holding threads.
 */
@Path("/")
@RequestScoped
@Consumes(MediaType.TEXT_PLAIN)
@Produces(MediaType.TEXT_PLAIN)
public class ClientsResource {

    @Inject
    Notes notes;

    @Inject
    @NamedRedisClient("cache")
    BlockingRedisClient cache;

    @PUT
    @Path("default/{key}")
    public CompletionStage<Response> writeDefault(@PathParam("key") String key, String value) {
        return notes.write(key, value).thenApply(written -> Response.noContent().build());
    }

    @GET
    @Path("default/{key}")
    public CompletionStage<Response> readDefault(@PathParam("key") String key) {
        return notes.read(key).thenApply(ClientsResource::valueOrNotFound);
    }

    @PUT
    @Path("cache/{key}")
    public Response writeCache(@PathParam("key") String key, String value) {
        cache.send("SET", key, value);
        return Response.noContent().build();
    }

    @GET
    @Path("cache/{key}")
    public Response readCache(@PathParam("key") String key) {
        return valueOrNotFound(cache.execute(ReplyType.STRING, "GET", key));
    }

    private static Response valueOrNotFound(String value) {
        return value == null ? Response.status(Response.Status.NOT_FOUND).build() : Response.ok(value).build();
    }
}
