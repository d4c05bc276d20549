package dev.rediscdi.internal.context;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

/** How often a waiting thread yields before it parks, learnt from whether the yields served the waits before. */
class BriefWaitTest {
    private final BriefWait waits = new BriefWait();

    @Test
    void shouldYieldUntilTheReplyArrives() {
        ReplyAfter reply = new ReplyAfter(5);

        waits.yieldWhileRunning(reply);

        assertThat(reply.looks).as("looked until done, then stopped").isEqualTo(5);
    }

    @Test
    void shouldStopYieldingWhenRepliesKeepOutlastingTheYieldsAndProbeNowAndThen() {
        for (int i = 0; i < 20; i++) {
            waitPastTheYields();
        }

        int yielded = 0;
        for (int i = 0; i < 4 * BriefWait.PROBE_EVERY; i++) {
            ReplyAfter late = new ReplyAfter(Integer.MAX_VALUE);
            waits.waited(waits.yieldWhileRunning(late));
            if (late.looks > 1) {
                yielded++;
                assertThat(late.looks).as("a wait that yields stops after the bound").isEqualTo(BriefWait.YIELDS + 2);
            }
        }

        assertThat(yielded).as("waits that yielded, of %s", 4 * BriefWait.PROBE_EVERY).isEqualTo(4);
    }

    @Test
    void shouldYieldAgainOnceTheProbesFindRepliesArrivingDuringTheYields() {
        for (int i = 0; i < 20; i++) {
            waitPastTheYields();
        }
        for (int i = 0; i < 20 * BriefWait.PROBE_EVERY; i++) {
            waits.yieldWhileRunning(new ReplyAfter(3));
        }

        for (int i = 0; i < 10; i++) {
            ReplyAfter prompt = new ReplyAfter(3);
            waits.yieldWhileRunning(prompt);
            assertThat(prompt.looks).as("wait %s yielded until its reply", i).isEqualTo(3);
        }
    }

    @Test
    void shouldNotHoldALongWaitAgainstYielding() {
        for (int i = 0; i < 20; i++) {
            long outlasted = waits.yieldWhileRunning(new ReplyAfter(Integer.MAX_VALUE));
            assertThat(outlasted).isNotEqualTo(BriefWait.NOT_OUTLASTED);
            // as a blocking pop would: the reply came long after the yields
            waits.waited(outlasted - BriefWait.LONG_WAIT_NANOS);
        }

        assertThat(waits.worthYielding()).as("waits made long by the command, not by the pace of replies").isTrue();
    }

    @Test
    void shouldNotYieldForAnInterruptedThread() {
        ReplyAfter reply = new ReplyAfter(Integer.MAX_VALUE);
        Thread.currentThread().interrupt();
        try {
            waits.yieldWhileRunning(reply);
        } finally {
            Thread.interrupted();
        }

        assertThat(reply.looks).isEqualTo(1);
    }

    @Test
    void shouldStopYieldingAtTheCallersDeadlineWithoutLearningFromIt() {
        ReplyAfter reply = new ReplyAfter(Integer.MAX_VALUE);

        waits.yieldWhileRunning(reply, System.nanoTime() - 1);
        for (int i = 0; i < 20; i++) {
            waits.yieldWhileRunning(new ReplyAfter(Integer.MAX_VALUE), System.nanoTime() - 1);
        }

        assertThat(reply.looks).as("the deadline had passed: no yield").isEqualTo(2);
        assertThat(waits.worthYielding()).as("timeouts of the caller's own say nothing of Redis' pace").isTrue();
    }

    /** A wait whose reply came after the yields, as a Redis across a network answers. */
    private void waitPastTheYields() {
        waits.waited(waits.yieldWhileRunning(new ReplyAfter(Integer.MAX_VALUE)));
    }

    /** A future whose {@code isDone()} turns true at its n-th call: counts how often the waiter looked. */
    private static final class ReplyAfter implements Future<String> {
        private final int doneAtLook;
        int looks;

        ReplyAfter(int doneAtLook) {
            this.doneAtLook = doneAtLook;
        }

        @Override
        public boolean isDone() {
            return ++looks >= doneAtLook;
        }

        @Override
        public boolean cancel(boolean mayInterruptIfRunning) {
            return false;
        }

        @Override
        public boolean isCancelled() {
            return false;
        }

        @Override
        public String get() throws InterruptedException, ExecutionException {
            throw new UnsupportedOperationException("not waited for here");
        }

        @Override
        public String get(long timeout, TimeUnit unit) {
            throw new UnsupportedOperationException("not waited for here");
        }
    }
}
