package dev.rediscdi.sample.quarkus.lock;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletionStage;

import jakarta.inject.Inject;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import dev.rediscdi.RedisClient;
import dev.rediscdi.RedisScript;
import dev.rediscdi.ReplyType;
import dev.rediscdi.SetArgs;
import dev.rediscdi.sample.quarkus.BadRequest;

/**
 * A distributed lock ({@code lock:NAME}): {@code SET NX PX} with a random token takes it for a while; only the
 * holder of the token can release it, by a script that deletes the key only if it still holds that token (so that
 * a holder whose lock expired cannot release the next holder's). A single Redis: not for correctness-critical
 * mutual exclusion across failovers (replication is asynchronous).
 */
@Path("/locks/{name}")
@Produces(MediaType.APPLICATION_JSON)
public class LockResource {

    /** The key prefix of the locks. */
    public static final String KEY_PREFIX = "lock:";
    static final RedisScript RELEASE = RedisScript.of(
            "if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) else return 0 end");
    private static final Duration MAX_TTL = Duration.ofMinutes(10);

    /** A lock taken: the token releases it; it expires by itself after {@code ttlMillis}. */
    public record Lease(String name, String token, long ttlMillis) {
    }

    @Inject
    RedisClient redis;

    /** 200 with the token, or 409 if someone holds it. */
    @POST
    public CompletionStage<Response> acquire(@PathParam("name") String name, @QueryParam("ttl") @DefaultValue("PT30S") String ttl) {
        Duration lease = duration(ttl);
        String token = UUID.randomUUID().toString();
        return redis.value(String.class).set(KEY_PREFIX + name, token, new SetArgs().nx().px(lease))
                .thenApply(taken -> taken
                        ? Response.ok(new Lease(name, token, lease.toMillis())).build()
                        : conflict("lock " + name + " is held by someone else"));
    }

    /** 204 if released, 409 if the token does not hold it (expired, or never taken). */
    @DELETE
    public CompletionStage<Response> release(@PathParam("name") String name, @QueryParam("token") String token) {
        if (token == null || token.isBlank()) {
            throw BadRequest.because("token is missing: release with the token acquire answered, as in ?token=...");
        }
        return redis.eval(RELEASE, ReplyType.LONG, List.of(KEY_PREFIX + name), token)
                .thenApply(deleted -> deleted == 1
                        ? Response.noContent().build()
                        : conflict("lock " + name + " is not held with this token (it expired, or was never taken)"));
    }

    private static Response conflict(String message) {
        return Response.status(Response.Status.CONFLICT).entity(message).type(MediaType.TEXT_PLAIN).build();
    }

    private static Duration duration(String ttl) {
        Duration lease = BadRequest.duration("ttl", ttl);
        if (lease.toMillis() < 1 || lease.compareTo(MAX_TTL) > 0) {
            throw BadRequest.because("ttl=" + ttl + " is out of range: hold a lock 1 ms to " + MAX_TTL.toMinutes() + " minutes");
        }
        return lease;
    }
}
