package dev.rediscdi.session.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

class SessionCacheTest {
    private final AtomicLong nanos = new AtomicLong(1_000);
    private final SessionCache cache = new SessionCache(nanos::get);
    private final StoredSession session = new StoredSession("id", 1, 2, 1800, Map.of("a", new byte[] { 1 }));

    @Test
    void shouldKeepNothingWhileClosed() {
        assertThat(cache.reserve("k")).isNull();
        cache.fill(null, session, 1000);
        assertThat(cache.get("k")).isNull();
    }

    @Test
    void shouldAnswerFromAReservedReadUntilItsValidityEnds() {
        cache.open();
        cache.fill(cache.reserve("k"), session, 100);
        assertThat(cache.get("k")).isSameAs(session);
        nanos.addAndGet(TimeUnit.MILLISECONDS.toNanos(99));
        assertThat(cache.get("k")).isSameAs(session);
        nanos.addAndGet(TimeUnit.MILLISECONDS.toNanos(1));
        assertThat(cache.get("k")).as("valid until the next touch would be due, not one nanosecond longer").isNull();
        assertThat(cache.size()).isZero();
    }

    @Test
    void shouldNeverKeepAReadThatAnInvalidationOvertook() {
        cache.open();
        SessionCache.Reservation read = cache.reserve("k");
        cache.invalidate("k"); // another instance wrote after Redis answered the read, and its message came first
        cache.fill(read, session, 1000);
        assertThat(cache.get("k")).isNull();
    }

    @Test
    void shouldKeepOnlyTheNewestOfTwoConcurrentReads() {
        cache.open();
        SessionCache.Reservation older = cache.reserve("k");
        SessionCache.Reservation newer = cache.reserve("k");
        StoredSession newest = new StoredSession("id", 1, 3, 1800, Map.of());
        cache.fill(newer, newest, 1000);
        cache.fill(older, session, 1000);
        assertThat(cache.get("k")).isSameAs(newest);
    }

    @Test
    void shouldDropEverythingAndRefuseReadsReservedBeforeAConnectionLoss() {
        cache.open();
        cache.fill(cache.reserve("cached"), session, 1000);
        SessionCache.Reservation inFlight = cache.reserve("k");
        cache.close();
        assertThat(cache.get("cached")).isNull();
        cache.open(); // tracking again before the read came back: the read may have missed an invalidation
        cache.fill(inFlight, session, 1000);
        assertThat(cache.get("k")).isNull();
        assertThat(cache.get("cached")).isNull();
    }

    @Test
    void shouldDropEverythingOnAFlushButStayOpen() {
        cache.open();
        cache.fill(cache.reserve("k"), session, 1000);
        SessionCache.Reservation inFlight = cache.reserve("j");
        cache.invalidateAll();
        cache.fill(inFlight, session, 1000);
        assertThat(cache.get("k")).isNull();
        assertThat(cache.get("j")).isNull();
        cache.fill(cache.reserve("k"), session, 1000);
        assertThat(cache.get("k")).isSameAs(session);
    }

    @Test
    void shouldNotKeepWhatIsAlreadyDue() {
        cache.open();
        cache.fill(cache.reserve("k"), session, 0);
        assertThat(cache.get("k")).isNull();
        assertThat(cache.size()).isZero();
    }
}
