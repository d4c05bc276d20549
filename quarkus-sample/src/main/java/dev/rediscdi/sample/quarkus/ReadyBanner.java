package dev.rediscdi.sample.quarkus;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import dev.rediscdi.RedisClient;
import dev.rediscdi.ReplyType;
import dev.rediscdi.dev.DevRedis;
import io.quarkus.runtime.StartupEvent;

/** At start-up: checks that Redis answers, then prints where to point a browser. */
@ApplicationScoped
public class ReadyBanner {

    private static final Logger LOG = Logger.getLogger(ReadyBanner.class);

    void onStart(@Observes StartupEvent started, RedisClient redis,
            @ConfigProperty(name = "quarkus.http.host", defaultValue = "localhost") String host,
            @ConfigProperty(name = "quarkus.http.port", defaultValue = "8080") int port) {
        try {
            redis.execute(ReplyType.STRING, "PING").toCompletableFuture().get(10, TimeUnit.SECONDS);
            LOG.info(DevRedis.uri().map(uri -> "Redis: a local redis-server at " + uri + " (pid " + DevRedis.pid().orElse(-1L)
                    + "), stopped with the application").orElse("Redis: the one redis.hosts names"));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            LOG.warnf("Redis does not answer yet (%s): the endpoints will answer 503 until it does", e.getCause() != null ? e.getCause() : e);
        }
        String shown = host.equals("0.0.0.0") ? "localhost" : host;
        System.out.println("Redis CDI Quarkus sample ready: open http://" + shown + ":" + port + "/");
    }
}
