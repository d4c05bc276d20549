package dev.rediscdi.appservers.app;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * {@code PUT /api/session/name} stores a name in the session's {@link Visitor}; {@code GET /api/session/name}
 * reads it back (404 while the session has none), with the number of requests that used the bean.
 */
@Path("session/name")
@RequestScoped
@Consumes(MediaType.TEXT_PLAIN)
@Produces(MediaType.TEXT_PLAIN)
public class SessionResource {

    @Inject
    Visitor visitor;

    @PUT
    public Response introduce(String name) {
        int visits = visitor.introduce(name);
        return Response.ok(name + " (visit " + visits + ")").build();
    }

    @GET
    public Response name() {
        String name = visitor.name();
        return name == null ? Response.status(Response.Status.NOT_FOUND).build()
                : Response.ok(name + " (visit " + visitor.visits() + ")").build();
    }
}
