package dev.rediscdi.sample.quarkus;

import java.time.Duration;

import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** A 400 whose text body says what was wrong and how to ask. */
public final class BadRequest {

    private BadRequest() {
    }

    public static BadRequestException because(String message) {
        return new BadRequestException(message, Response.status(Response.Status.BAD_REQUEST).entity(message).type(MediaType.TEXT_PLAIN).build());
    }

    /** Reads an ISO-8601 duration parameter ({@code PT30S}), or fails naming the parameter and its value. */
    public static Duration duration(String parameter, String value) {
        try {
            return Duration.parse(value);
        } catch (RuntimeException e) {
            throw because(parameter + "=" + value + " is not an ISO-8601 duration: write it as PT30S or PT0.5S");
        }
    }
}
