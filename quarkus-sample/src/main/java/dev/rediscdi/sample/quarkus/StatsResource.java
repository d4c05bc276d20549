package dev.rediscdi.sample.quarkus;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import dev.rediscdi.BlockingRedisClient;
import dev.rediscdi.ReplyType;
import io.smallrye.common.annotation.Blocking;

/**
 * Reads a visit counter with the blocking client. {@link Blocking} runs the method on a worker thread: the
 * blocking client refuses to wait on a Vert.x event-loop thread.
 */
@Path("/stats")
public class StatsResource {

    @Inject
    BlockingRedisClient redis;

    @GET
    @Path("{page}")
    @Produces(MediaType.TEXT_PLAIN)
    @Blocking
    public String visits(@PathParam("page") String page) {
        Long count = redis.execute(ReplyType.LONG, "GET", VisitsResource.KEY_PREFIX + page);
        return String.valueOf(count == null ? 0 : count);
    }
}
