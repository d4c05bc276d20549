package dev.rediscdi.session.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.Set;
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
    void shouldKeepAReadThroughTheCacheAndAnswerTheNextFromTheCopy() {
        cache.open();
        assertThat(cache.readThrough("k", keepable -> new SessionCache.Read(session, session, 100))).isSameAs(session);
        assertThat(cache.readThrough("k", keepable -> {
            throw new AssertionError("read Redis though a valid copy was kept");
        })).isSameAs(session);
    }

    @Test
    void shouldLeaveNothingBehindOfReadsThatFailedOrFoundNothing() {
        cache.open();
        for (int i = 0; i < 100; i++) {
            String key = "unknown-" + i;
            assertThatThrownBy(() -> cache.readThrough(key, keepable -> {
                throw new IllegalStateException("Redis did not answer");
            })).hasMessage("Redis did not answer");
            assertThat(cache.readThrough("gone-" + i, keepable -> null)).isNull();
            assertThat(cache.readThrough("unkept-" + i, keepable -> SessionCache.Read.notKept(session))).isSameAs(session);
        }
        assertThat(cache.size()).as("entries left by 300 reads that kept nothing").isZero();
    }

    @Test
    void shouldAskForNoCopyWhileClosed() {
        assertThat(cache.readThrough("k", keepable -> {
            assertThat(keepable).as("keepable while closed").isFalse();
            return SessionCache.Read.notKept(session);
        })).isSameAs(session);
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
    void shouldKeepTheStateOfAnOwnWriteOnceRedisNamedThatWriteAloneWhicheverComesFirst() {
        cache.open();
        SessionCache.PendingWrite replyFirst = cache.beginWrite("k", "w1");
        assertThat(cache.get("k")).as("nothing answers while the write is in flight").isNull();
        cache.written(replyFirst, session, 1000);
        assertThat(cache.get("k")).as("Redis' message about the write has not arrived yet").isNull();
        cache.invalidate("k", Set.of("w1"));
        assertThat(cache.get("k")).isSameAs(session);

        SessionCache.PendingWrite messageFirst = cache.beginWrite("j", "w2");
        cache.invalidate("j", Set.of("w2"));
        assertThat(cache.get("j")).isNull();
        cache.written(messageFirst, session, 1000);
        assertThat(cache.get("j")).isSameAs(session);

        cache.invalidate("j", Set.of("other"));
        assertThat(cache.get("j")).as("a later write, wherever it came from, drops the copy").isNull();
    }

    @Test
    void shouldKeepNothingOfAnOwnWriteThatRedisMentionedWithAnotherWrite() {
        cache.open();
        SessionCache.PendingWrite coalesced = cache.beginWrite("k", "mine");
        cache.invalidate("k", Set.of("mine", "theirs")); // one iteration of Redis' event loop covered both writes
        cache.written(coalesced, session, 1000);
        assertThat(cache.get("k")).isNull();

        SessionCache.PendingWrite unmarked = cache.beginWrite("j", "mine");
        cache.invalidate("j", Set.of()); // expiry, a client outside the store
        cache.written(unmarked, session, 1000);
        assertThat(cache.get("j")).isNull();

        SessionCache.PendingWrite overtaken = cache.beginWrite("i", "mine");
        cache.invalidate("i", Set.of("theirs")); // an earlier write of another instance, announced during ours
        cache.invalidate("i", Set.of("mine"));
        cache.written(overtaken, session, 1000);
        assertThat(cache.get("i")).isNull();

        SessionCache.PendingWrite twice = cache.beginWrite("h", "mine");
        cache.invalidate("h", Set.of("mine"));
        cache.invalidate("h", Set.of("mine")); // never twice for one write: whatever it is, the state is not kept
        cache.written(twice, session, 1000);
        assertThat(cache.get("h")).isNull();
    }

    @Test
    void shouldKeepNothingOfAnOwnWriteAcrossAConnectionLossOrAConcurrentWriteOfThisInstance() {
        cache.open();
        SessionCache.PendingWrite lost = cache.beginWrite("k", "w1");
        cache.close();
        cache.open();
        cache.invalidate("k", Set.of("w1"));
        cache.written(lost, session, 1000);
        assertThat(cache.get("k")).isNull();

        SessionCache.PendingWrite first = cache.beginWrite("j", "w2");
        SessionCache.PendingWrite second = cache.beginWrite("j", "w3");
        cache.invalidate("j", Set.of("w2"));
        cache.written(first, session, 1000);
        cache.invalidate("j", Set.of("w3"));
        cache.written(second, session, 1000);
        assertThat(cache.get("j")).isNull();
    }

    @Test
    void shouldReadWithoutKeepingWhileAnOwnWriteIsPendingAndKeepTheWrittenState() {
        cache.open();
        SessionCache.PendingWrite pending = cache.beginWrite("k", "w1");
        cache.written(pending, session, 1000);
        assertThat(cache.reserve("k")).as("a read meanwhile is not kept").isNull();
        cache.invalidate("k", Set.of("w1"));
        assertThat(cache.get("k")).isSameAs(session);
    }

    @Test
    void shouldNotKeepTheStateOfAnOwnWriteWhileClosed() {
        cache.fill(cache.reserve("k"), session, 1000);
        assertThat(cache.beginWrite("k", "w1")).isNull();
        assertThat(cache.size()).isZero();
    }

    @Test
    void shouldNotKeepWhatIsAlreadyDue() {
        cache.open();
        cache.fill(cache.reserve("k"), session, 0);
        assertThat(cache.get("k")).isNull();
        assertThat(cache.size()).isZero();
    }
}
