package dev.rediscdi.sample.quarkus.notifications;

import java.util.concurrent.CompletionStage;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.jboss.resteasy.reactive.RestStreamElementType;

import dev.rediscdi.sample.quarkus.BadRequest;
import io.smallrye.mutiny.Multi;

/**
 * {@code POST /notifications} publishes a text to the Redis channel; {@code GET /notifications} is a stream of
 * server-sent events with every message published from then on. Its first event is {@value #CONNECTED}, sent once
 * the stream listens and the application is subscribed: from then on, the browser receives every message.
 */
@Path("/notifications")
public class NotificationResource {

    /** The first event of every stream. */
    public static final String CONNECTED = "connected";
    private static final int MAX_LENGTH = 1_000;

    @Inject
    NotificationHub hub;

    @POST
    @Consumes(MediaType.TEXT_PLAIN)
    @Produces(MediaType.TEXT_PLAIN)
    public CompletionStage<String> publish(String message) {
        if (message == null || message.isBlank() || message.length() > MAX_LENGTH) {
            throw BadRequest.because("a notification is 1 to " + MAX_LENGTH + " characters of text");
        }
        return hub.publish(message).thenApply(String::valueOf);
    }

    @GET
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @RestStreamElementType(MediaType.TEXT_PLAIN)
    public Multi<String> stream() {
        // merged, not concatenated: the stream listens to the hub before it announces itself
        return Multi.createBy().merging().streams(hub.messages(),
                Multi.createFrom().completionStage(hub.subscribed()).map(subscription -> CONNECTED));
    }
}
