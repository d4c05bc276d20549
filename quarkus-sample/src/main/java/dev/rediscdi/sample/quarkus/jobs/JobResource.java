package dev.rediscdi.sample.quarkus.jobs;

import java.net.URI;
import java.util.List;
import java.util.concurrent.CompletionStage;

import jakarta.inject.Inject;
import dev.rediscdi.sample.quarkus.BadRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import dev.rediscdi.PendingSummary;

/**
 * The work queue over HTTP: {@code POST /jobs} submits, {@code POST /jobs/claims?worker=W} takes jobs,
 * {@code POST /jobs/{id}/done} acknowledges one, {@code POST /jobs/reclaims?worker=W&min-idle=PT30S} takes over
 * jobs another worker left, {@code GET /jobs/pending} tells what is in progress.
 */
@Path("/jobs")
@Produces(MediaType.APPLICATION_JSON)
public class JobResource {

    private static final int MAX_COUNT = 100;

    @Inject
    JobQueue queue;

    @POST
    @Consumes(MediaType.TEXT_PLAIN)
    public CompletionStage<Response> submit(String payload) {
        if (payload == null || payload.isBlank()) {
            throw BadRequest.because("the job is empty: send what to do as the text body");
        }
        return queue.submit(payload).thenApply(id -> Response.created(URI.create("/jobs/" + id)).entity(new Job(id, payload)).build());
    }

    @POST
    @Path("claims")
    public CompletionStage<List<Job>> take(@QueryParam("worker") String worker, @QueryParam("count") @DefaultValue("10") int count) {
        return queue.take(required(worker), checked(count));
    }

    @POST
    @Path("{id}/done")
    public CompletionStage<Response> done(@PathParam("id") String id) {
        return queue.done(id).thenApply(acknowledged -> acknowledged
                ? Response.noContent().build()
                : Response.status(Response.Status.NOT_FOUND).entity("job " + id + " is not pending").type(MediaType.TEXT_PLAIN).build());
    }

    @POST
    @Path("reclaims")
    public CompletionStage<List<Job>> reclaim(@QueryParam("worker") String worker, @QueryParam("min-idle") @DefaultValue("PT30S") String minIdle,
            @QueryParam("count") @DefaultValue("10") int count) {
        return queue.reclaim(required(worker), BadRequest.duration("min-idle", minIdle), checked(count));
    }

    @GET
    @Path("pending")
    public CompletionStage<PendingSummary> pending() {
        return queue.pending();
    }

    private static String required(String worker) {
        if (worker == null || worker.isBlank()) {
            throw BadRequest.because("worker is missing: name the worker, as in ?worker=worker-1");
        }
        return worker;
    }

    private static int checked(int count) {
        if (count < 1 || count > MAX_COUNT) {
            throw BadRequest.because("count=" + count + " is out of range: take 1 to " + MAX_COUNT + " jobs at a time");
        }
        return count;
    }
}
