package dev.rediscdi.tests.topology;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Logger;

import org.junit.jupiter.api.Test;

import dev.rediscdi.RedisConnectionLostException;

/**
 * A {@code withConnection} lease held across a switch of the Sentinels to a new primary while the old one still runs
 * ({@link SentinelSwitch}): left there, its writes would go on succeeding on the old primary until Sentinel demotes it
 * about 8 s later, and be lost then. Its connection must be closed once the client hears the Sentinels agree.
 */
class LeaseAcrossSentinelSwitchIT {
    private static final Logger LOG = Logger.getLogger(LeaseAcrossSentinelSwitchIT.class.getName());
    /** Bound of the work: longer than Sentinel takes to demote the old primary. */
    private static final Duration WORK_AT_MOST = Duration.ofSeconds(20);
    private static final long WRITE_EVERY_MILLIS = 50;

    @Test
    void shouldMoveALeaseHeldOnTheOldPrimaryOnceTheSentinelsAgree() throws Exception {
        SentinelSwitch.withClient((group, old, redis) -> {
            String key = "lease-switch:" + UUID.randomUUID();
            List<Long> startedNanos = new CopyOnWriteArrayList<>();
            AtomicLong stopAtNanos = new AtomicLong(Long.MAX_VALUE);
            CountDownLatch writing = new CountDownLatch(3);
            // a long piece of work on one connection, as a batch job holding a lease writes: RPUSH its number every 50 ms
            CompletableFuture<Integer> work = redis.<Integer>withConnection(connection -> {
                long until = System.nanoTime() + WORK_AT_MOST.toNanos();
                try {
                    while (System.nanoTime() < Math.min(until, stopAtNanos.get())) {
                        startedNanos.add(System.nanoTime());
                        connection.send("RPUSH", key, Integer.toString(startedNanos.size() - 1)).toCompletableFuture().join();
                        writing.countDown();
                        Thread.sleep(WRITE_EVERY_MILLIS);
                    }
                    return CompletableFuture.completedFuture(startedNanos.size());
                } catch (CompletionException e) {
                    return CompletableFuture.failedFuture(e.getCause());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return CompletableFuture.failedFuture(e);
                }
            }).toCompletableFuture();
            assertThat(writing.await(10, TimeUnit.SECONDS)).as("the work writes on its lease").isTrue();

            SentinelSwitch change = SentinelSwitch.force(group, old);
            stopAtNanos.set(change.agreedNanos() + Duration.ofSeconds(4).toNanos());
            Throwable failure = failureOf(work);
            String oldRole = change.oldRole();
            Set<String> onPrimary = Set.copyOf(List.of(change.primary().command("LRANGE", key, "0", "-1").split("\n")));
            List<Long> lostAfterAgreementMillis = new ArrayList<>();
            for (int i = 0; i < startedNanos.size(); i++) {
                long millis = (startedNanos.get(i) - change.agreedNanos()) / 1_000_000;
                if (millis > 0 && !onPrimary.contains(Integer.toString(i)) && (failure == null || i < startedNanos.size() - 1)) {
                    lostAfterAgreementMillis.add(millis);
                }
            }
            LOG.info(() -> "a lease across a Sentinel switch with the old primary alive (" + oldRole + " afterwards): "
                    + startedNanos.size() + " writes, ended by " + failure + "; writes started after the Sentinels agreed and "
                    + "missing from the new primary started at (ms after agreement) " + lostAfterAgreementMillis);

            assertThat(oldRole).as("the old primary was still a primary while the lease wrote").isEqualTo("master");
            assertThat(lostAfterAgreementMillis).as("ms after the Sentinels agreed of the writes the lease made on the old "
                    + "primary: the client asks the Sentinels every second").allSatisfy(millis -> assertThat(millis).isLessThan(2_500));
            if (failure != null) { // none if the driver had moved the lease's socket to the new primary by itself
                assertThat(failure).as("the work's command when its connection on the old primary was closed")
                        .isInstanceOf(RedisConnectionLostException.class);
            }

            // the next lease is on the primary the Sentinels name: one opened on the old primary would be refused
            redis.withConnection(connection -> connection.send("SET", key + ":next", "after")).toCompletableFuture().get(10, TimeUnit.SECONDS);
            assertThat(change.primary().command("GET", key + ":next")).isEqualTo("after");
        }, "redis.timeout", "1s");
    }

    /** How {@code work} failed, or {@code null} if it ended without a failure (within its bound and a margin). */
    private static Throwable failureOf(CompletableFuture<Integer> work) throws Exception {
        try {
            work.get(WORK_AT_MOST.toMillis() + 5_000, TimeUnit.MILLISECONDS);
            return null;
        } catch (ExecutionException e) {
            return e.getCause();
        }
    }
}
