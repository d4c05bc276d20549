package dev.rediscdi.appservers.app;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/**
 * {@code GET /api/deployment}: an id drawn once per deployment of the application, without touching Redis. It
 * tells that the application is up, and whether a later request reached the same deployment (no redeploy,
 * no server restart) or a new one.
 */
@Path("deployment")
@ApplicationScoped
public class Deployment {

    private final String id = UUID.randomUUID().toString();

    @GET
    @Produces(MediaType.TEXT_PLAIN)
    public String id() {
        return id;
    }
}
