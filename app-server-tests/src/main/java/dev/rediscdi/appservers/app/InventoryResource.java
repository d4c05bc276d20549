package dev.rediscdi.appservers.app;

import java.util.concurrent.CompletionStage;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** {@code GET /api/stock/{sku}}: the stock level through {@link Inventory}, or its fallback; 404 for an unknown sku. */
@Path("stock/{sku}")
@RequestScoped
@Produces(MediaType.TEXT_PLAIN)
public class InventoryResource {

    @Inject
    Inventory inventory;

    @GET
    public CompletionStage<Response> level(@PathParam("sku") String sku) {
        return inventory.level(sku).thenApply(level -> level == null ? Response.status(Response.Status.NOT_FOUND).build()
                : Response.ok(level).build());
    }
}
