package dev.rediscdi.sample.quarkus.jobs;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

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
    static final String FIELD = "payload";
    private static final int MAX_LENGTH = 100_000;

    @Inject
    RedisClient redis;

    /** Creates the group (and the stream) once; BUSYGROUP means another instance did it already. */
    void createGroup(@Observes StartupEvent started) throws Exception {
        streams().xgroupCreate(STREAM, GROUP, "0", true)
                .exceptionally(failure -> {
                    if (failure.getCause() instanceof RedisReplyException reply && "BUSYGROUP".equals(reply.code())) {
                        return null;
                    }
                    throw failure instanceof RuntimeException runtime ? runtime : new IllegalStateException(failure);
                })
                .toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    public CompletionStage<String> submit(String payload) {
        return streams().xadd(STREAM, new XAddArgs().trim(StreamTrim.maxLen(MAX_LENGTH).approximate()), Map.of(FIELD, payload));
    }

    /** Up to {@code count} new jobs for this worker, without waiting; they stay pending until {@link #done}. */
    public CompletionStage<List<Job>> take(String worker, int count) {
        return streams().xreadgroup(GROUP, worker, Map.of(STREAM, ">"), new XReadArgs().count(count)).thenApply(JobQueue::jobs);
    }

    /** Acknowledges a job; false if it was not pending (unknown, or acknowledged already). */
    public CompletionStage<Boolean> done(String id) {
        return streams().xack(STREAM, GROUP, id).thenApply(acknowledged -> acknowledged == 1);
    }

    /** Takes over up to {@code count} jobs that stayed unacknowledged for at least {@code minIdle}. */
    public CompletionStage<List<Job>> reclaim(String worker, Duration minIdle, int count) {
        return streams().xautoclaim(STREAM, GROUP, worker, minIdle, "0-0", count).thenApply(result -> jobs(result.claimed()));
    }

    public CompletionStage<PendingSummary> pending() {
        return streams().xpending(STREAM, GROUP);
    }

    private StreamCommands<String, String> streams() {
        return redis.stream(String.class);
    }

    private static List<Job> jobs(List<StreamMessage<String, String>> messages) {
        return messages.stream().map(message -> new Job(message.id(), message.fields().get(FIELD))).toList();
    }
}
