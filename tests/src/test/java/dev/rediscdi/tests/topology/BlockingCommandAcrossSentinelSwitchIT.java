package dev.rediscdi.tests.topology;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;

import org.jboss.weld.environment.se.WeldContainer;
import org.junit.jupiter.api.Test;

import dev.rediscdi.BlockingRedisClient;
import dev.rediscdi.RedisClient;
import dev.rediscdi.RedisConnectionLostException;
import dev.rediscdi.RedisException;
import dev.rediscdi.ReplyType;
import dev.rediscdi.testing.RedisSentinelGroup;
import dev.rediscdi.testing.RedisServer;
import dev.rediscdi.tests.Containers;
import dev.rediscdi.tests.Eventually;
import dev.rediscdi.tests.TestConfig;

/**
 * {@code BLPOP} across a switch of the Sentinels to a new primary while the old one still runs ({@link SentinelSwitch}):
 * a consumer blocked on the old primary would wait there, while producers push to the new one, until Sentinel demotes
 * the old primary about 8 s later. It must be served by the primary the Sentinels name.
 */
class BlockingCommandAcrossSentinelSwitchIT {
    private static final Logger LOG = Logger.getLogger(BlockingCommandAcrossSentinelSwitchIT.class.getName());
    /** How long the consumers may take after the Sentinels agreed; Sentinel demotes the old primary within it. */
    private static final Duration SERVED_WITHIN = Duration.ofSeconds(12);

    @Test
    void shouldServeBlockingPopsFromThePrimaryTheSentinelsNameWhileTheOldOneStillRuns() throws Exception {
        RedisSentinelGroup group = SharedTopologies.sentinelGroup();
        RedisServer old = group.primary();
        // a re-issued BLPOP may have waited longer than the default 5 s since it was first sent
        try (TestConfig config = SharedTopologies.sentinelClient(group, "redis.timeout", "1s", "redis.retry.max-duration", "30s")) {
            WeldContainer container = Containers.boot();
            ExecutorService consumers = Executors.newSingleThreadExecutor();
            try {
                RedisClient redis = container.select(RedisClient.class).get();
                String jobs = "sentinel-switch-jobs:" + UUID.randomUUID();
                String safeJobs = "sentinel-switch-safe-jobs:" + UUID.randomUUID();
                // a consumer as applications write them: BLPOP again after a failure
                List<RedisException> consumerFailures = new CopyOnWriteArrayList<>();
                long until = System.nanoTime() + Duration.ofSeconds(40).toNanos();
                CompletableFuture<Popped> consumer = CompletableFuture.supplyAsync(
                        () -> consume(redis.blocking(), jobs, until, consumerFailures), consumers);
                // one whose caller declared BLPOP safe to send again: the client sends it again by itself
                CompletableFuture<Popped> safeToResend = redis.assumingIdempotent()
                        .execute(ReplyType.STRING_LIST, "BLPOP", safeJobs, 30).thenApply(Popped::now).toCompletableFuture();
                awaitBlocked(old, 2);

                SentinelSwitch change = SentinelSwitch.force(group, old);
                change.primary().command("RPUSH", jobs, "job");
                change.primary().command("RPUSH", safeJobs, "job");

                Popped popped = consumer.get(SERVED_WITHIN.toMillis(), TimeUnit.MILLISECONDS);
                Popped resent = safeToResend.get(Math.max(1, SERVED_WITHIN.toMillis() - change.millisSinceAgreed()), TimeUnit.MILLISECONDS);
                String oldRole = change.oldRole();
                LOG.info(() -> "BLPOP across a Sentinel switch with the old primary alive (" + oldRole + " once both were served): "
                        + "the consumer popped " + (popped.atNanos() - change.agreedNanos()) / 1_000_000 + " ms after the Sentinels "
                        + "agreed, after " + consumerFailures.size() + " failure(s) " + consumerFailures.stream().map(e -> e.getClass()
                        .getSimpleName()).toList() + "; the BLPOP sent again by the client popped " + (resent.atNanos()
                        - change.agreedNanos()) / 1_000_000 + " ms after");

                assertThat(popped.reply()).as("the consumer's BLPOP").containsExactly(jobs, "job");
                assertThat(resent.reply()).as("the BLPOP declared safe to send again").containsExactly(safeJobs, "job");
                assertThat(oldRole).as("the old primary still was a primary when both were served: they were served by the new one "
                        + "before Sentinel demoted the old one, which fails the commands blocked on it").isEqualTo("master");
                // BLPOP pops: closed while it blocked, it may have taken an element whose reply was on its way, so it is not
                // sent again by itself, and its caller is told it may have run
                assertThat(consumerFailures).as("the consumer's BLPOP blocked on the old primary fails").isNotEmpty()
                        .allSatisfy(failure -> assertThat(failure).isInstanceOf(RedisConnectionLostException.class)
                                .satisfies(lost -> assertThat(lost.isSafeToRetry()).isFalse()));
                assertThat(change.primary().command("LLEN", jobs)).isEqualTo("0");
            } finally {
                consumers.shutdownNow();
                container.shutdown();
                SentinelSwitch.settle(group, old);
            }
        }
    }

    /** BLPOPs {@code queue} until it pops an element (at most 100 tries, until {@code until}); records each failure. */
    private static Popped consume(BlockingRedisClient redis, String queue, long until, List<RedisException> failures) {
        for (int tries = 0; tries < 100 && System.nanoTime() < until; tries++) {
            try {
                List<String> reply = redis.execute(ReplyType.STRING_LIST, "BLPOP", queue, 30);
                if (reply != null) {
                    return Popped.now(reply);
                }
            } catch (RedisException e) {
                failures.add(e);
            }
        }
        throw new IllegalStateException("popped nothing from " + queue + " after " + failures.size() + " failures: " + failures);
    }

    /** Waits (at most 5 s) until {@code clients} clients of {@code node} are blocked in BLPOP. */
    private static void awaitBlocked(RedisServer node, int clients) throws InterruptedException {
        Eventually.get(Duration.ofSeconds(5), () -> {
            String list = node.command("CLIENT", "LIST");
            int blocked = list.split("cmd=blpop", -1).length - 1;
            if (blocked < clients) {
                throw new IllegalStateException(blocked + " clients blocked in BLPOP on " + node + ", not " + clients);
            }
            return true;
        });
    }

    /** What a BLPOP returned, and when. */
    private record Popped(List<String> reply, long atNanos) {
        static Popped now(List<String> reply) {
            return new Popped(reply, System.nanoTime());
        }
    }
}
