package dev.rediscdi.sample.quarkus.jobs;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import dev.rediscdi.PendingSummary;
import dev.rediscdi.RedisClient;
import dev.rediscdi.RedisReplyException;
import dev.rediscdi.StreamCommands;
import dev.rediscdi.StreamMessage;
import dev.rediscdi.StreamTrim;
import dev.rediscdi.XAddArgs;
import dev.rediscdi.XReadArgs;
import io.quarkus.runtime.StartupEvent;

/**
 * A work queue on a stream with a consumer group: producers {@code XADD}, workers take jobs with {@code XREADGROUP}
 * (each job goes to one worker) and acknowledge them with {@code XACK}; jobs a crashed worker left unacknowledged
 * for a while are taken over with {@code XAUTOCLAIM}.
 */
@ApplicationScoped
public class JobQueue {

    public static final String STREAM = "jobs";
    public static final String GROUP = "workers";
    private static final Logger LOG = Logger.getLogger(JobQueue.class);
    static final String FIELD = "payload";
    private static final int MAX_LENGTH = 100_000;

    @Inject
    RedisClient redis;

    /** Creates the group at start-up if Redis is there; otherwise the first command that needs it does. */
    void createGroup(@Observes StartupEvent started) {
        createGroup().whenComplete((created, failure) -> {
            if (failure != null) {
                LOG.warnf("The consumer group %s is not created yet (%s): the first command will create it", GROUP, failure.toString());
            }
        });
    }

    public CompletionStage<String> submit(String payload) {
        return streams().xadd(STREAM, new XAddArgs().trim(StreamTrim.maxLen(MAX_LENGTH).approximate()), Map.of(FIELD, payload));
    }

    /** Up to {@code count} new jobs for this worker, without waiting; they stay pending until {@link #done}. */
    public CompletionStage<List<Job>> take(String worker, int count) {
        return withGroup(() -> streams().xreadgroup(GROUP, worker, Map.of(STREAM, ">"), new XReadArgs().count(count)))
                .thenApply(JobQueue::jobs);
    }

    /** Acknowledges a job; false if it was not pending (unknown, or acknowledged already). */
    public CompletionStage<Boolean> done(String id) {
        return streams().xack(STREAM, GROUP, id).thenApply(acknowledged -> acknowledged == 1);
    }

    /** Takes over up to {@code count} jobs that stayed unacknowledged for at least {@code minIdle}. */
    public CompletionStage<List<Job>> reclaim(String worker, Duration minIdle, int count) {
        return withGroup(() -> streams().xautoclaim(STREAM, GROUP, worker, minIdle, "0-0", count))
                .thenApply(result -> jobs(result.claimed()));
    }

    public CompletionStage<PendingSummary> pending() {
        return withGroup(() -> streams().xpending(STREAM, GROUP));
    }

    /** Runs a command that needs the group; if Redis answers NOGROUP (it started empty, or lost its data), creates it and runs it again. */
    private <T> CompletionStage<T> withGroup(Supplier<CompletionStage<T>> command) {
        return command.get().handle((result, failure) -> {
            if (failure == null) {
                return CompletableFuture.completedFuture(result);
            }
            if (replyCode(failure).equals("NOGROUP")) {
                return createGroup().thenCompose(created -> command.get());
            }
            return CompletableFuture.<T>failedFuture(failure);
        }).thenCompose(Function.identity());
    }

    /** XGROUP CREATE ... MKSTREAM; BUSYGROUP means another instance created it already. */
    private CompletionStage<Void> createGroup() {
        return streams().xgroupCreate(STREAM, GROUP, "0", true).handle((created, failure) -> {
            if (failure == null || replyCode(failure).equals("BUSYGROUP")) {
                return CompletableFuture.<Void>completedFuture(null);
            }
            return CompletableFuture.<Void>failedFuture(failure);
        }).thenCompose(Function.identity());
    }

    private static String replyCode(Throwable failure) {
        Throwable cause = failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
        return cause instanceof RedisReplyException reply && reply.code() != null ? reply.code() : "";
    }

    private StreamCommands<String, String> streams() {
        return redis.stream(String.class);
    }

    private static List<Job> jobs(List<StreamMessage<String, String>> messages) {
        return messages.stream().map(message -> new Job(message.id(), message.fields().get(FIELD))).toList();
    }
}
