package dev.rediscdi.appservers.app;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

import dev.rediscdi.RedisCircuitOpenException;
import dev.rediscdi.RedisConnectionException;
import dev.rediscdi.RedisException;
import dev.rediscdi.RedisOverloadedException;
import dev.rediscdi.RedisTimeoutException;

/**
 * The library's failures as HTTP statuses: a deadline passed is a 504, an open circuit breaker, an unreachable
 * or overloaded Redis a 503, anything else a 502. The body names the exception, so that a caller (and the
 * tests) can tell them apart.
 */
@Provider
public class RedisExceptionMapper implements ExceptionMapper<RedisException> {

    @Override
    public Response toResponse(RedisException failure) {
        return Response.status(status(failure)).type(MediaType.TEXT_PLAIN_TYPE)
                .entity(failure.getClass().getSimpleName() + ": " + failure.getMessage()).build();
    }

    private static Response.Status status(RedisException failure) {
        if (failure instanceof RedisTimeoutException) {
            return Response.Status.GATEWAY_TIMEOUT;
        }
        if (failure instanceof RedisCircuitOpenException || failure instanceof RedisConnectionException
                || failure instanceof RedisOverloadedException) {
            return Response.Status.SERVICE_UNAVAILABLE;
        }
        return Response.Status.BAD_GATEWAY;
    }
}
