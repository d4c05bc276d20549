package dev.rediscdi.appservers.app;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import io.vertx.core.Vertx;

/**
 * {@code GET /api/deployment}: an id drawn once per deployment of the application, without touching Redis. It
 * tells that the application is up, and whether a later request reached the same deployment (no redeploy,
 * no server restart) or a new one. {@code GET /api/deployment/vertx}: where the Vert.x the library runs on was
 * loaded from (the WAR's copy, or a server's own).
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

    @GET
    @Path("vertx")
    @Produces(MediaType.TEXT_PLAIN)
    public String vertxSource() {
        return String.valueOf(Vertx.class.getProtectionDomain().getCodeSource().getLocation());
    }
}
