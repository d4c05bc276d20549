package dev.rediscdi.sample.quarkus.cache;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.context.ManagedExecutor;

import dev.rediscdi.RedisClient;
import dev.rediscdi.SetArgs;

/**
 * Cache-aside: a product is read from Redis ({@code product:ID}); on a miss it is looked up in the slow catalog
 * (on a worker thread, never the event loop) and stored for {@code sample.cache.ttl}. The {@code X-Cache} header
 * says which it was.
 */
@Path("/products")
@Produces(MediaType.APPLICATION_JSON)
public class ProductResource {

    /** The key prefix of cached products. */
    public static final String KEY_PREFIX = "product:";

    @Inject
    RedisClient redis;

    @Inject
    ProductCatalog catalog;

    @Inject
    ManagedExecutor workers;

    @ConfigProperty(name = "sample.cache.ttl", defaultValue = "30s")
    Duration ttl;

    @GET
    @Path("{id}")
    public CompletionStage<Response> product(@PathParam("id") String id) {
        String key = KEY_PREFIX + id;
        return redis.value(Product.class).get(key).thenCompose(cached -> {
            if (cached != null) {
                return CompletableFuture.completedFuture(found(cached, "hit"));
            }
            return workers.supplyAsync(() -> catalog.lookUp(id)).thenCompose(product -> product
                    .map(found -> redis.value(Product.class).set(key, found, new SetArgs().ex(ttl)).thenApply(stored -> found(found, "miss")))
                    .orElseGet(() -> CompletableFuture.completedFuture(Response.status(Response.Status.NOT_FOUND).build())));
        });
    }

    private static Response found(Product product, String cache) {
        return Response.ok(product).header("X-Cache", cache).build();
    }
}
