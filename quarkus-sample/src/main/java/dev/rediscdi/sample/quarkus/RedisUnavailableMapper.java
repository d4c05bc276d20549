package dev.rediscdi.sample.quarkus;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import dev.rediscdi.RedisCircuitOpenException;
import dev.rediscdi.RedisConnectionException;
import dev.rediscdi.RedisConnectionLostException;
import dev.rediscdi.RedisException;
import dev.rediscdi.RedisOverloadedException;
import dev.rediscdi.RedisTimeoutException;

/**
 * While Redis is down, frozen or the client overloaded, the endpoints answer 503 with {@code Retry-After} instead of
 * a 500: after the client's retries, and at once while its circuit breaker is open (application.properties).
 */
public class RedisUnavailableMapper {

    private static final Logger LOG = Logger.getLogger(RedisUnavailableMapper.class);
    /** About the breaker's delay: when a trial command may go through again. */
    static final int RETRY_AFTER_SECONDS = 2;

    @ServerExceptionMapper({ RedisConnectionException.class, RedisConnectionLostException.class, RedisTimeoutException.class,
            RedisCircuitOpenException.class, RedisOverloadedException.class })
    public Response unavailable(RedisException failure) {
        LOG.debugf("Redis unavailable: %s", failure.toString());
        return Response.status(Response.Status.SERVICE_UNAVAILABLE)
                .header("Retry-After", RETRY_AFTER_SECONDS)
                .type(MediaType.TEXT_PLAIN)
                .entity("Redis is unavailable (" + failure.getClass().getSimpleName() + "); try again in a moment")
                .build();
    }
}
