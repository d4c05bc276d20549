package dev.rediscdi.internal.context;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.Executor;

import org.junit.jupiter.api.Test;

import dev.rediscdi.RedisMessage;
import dev.rediscdi.RedisOverloadedException;
import dev.rediscdi.SubscriptionListener;

/**
 * What waits for a listener is bounded: on a lane that the test runs by hand (a listener that takes nothing while the
 * test publishes is a stuck one), the messages past the bound are dropped and the listener told of the gap in its place.
 */
class OrderedListenerTest {
    private final HandRunLane lane = new HandRunLane();
    private final Recorder recorder = new Recorder();
    private final OrderedListener listener = new OrderedListener(recorder, lane, new ListenerBacklog(), getClass().getClassLoader(), "client 'test', "
            + "subscription to channels [news]");

    @Test
    void shouldKeepTheOldestMessagesUpToTheBoundAndTellTheGapOnceTheListenerCaughtUp() {
        int published = ListenerBacklog.MAX_MESSAGES + 5;
        for (int n = 0; n < published; n++) {
            listener.onMessage(message(n));
        }
        assertThat(lane.waiting()).as("calls waiting: the messages up to the bound, and the gap").isEqualTo(ListenerBacklog.MAX_MESSAGES + 1);
        lane.runAll();
        listener.onMessage(message(published));
        lane.runAll();

        List<String> expected = new ArrayList<>();
        for (int n = 0; n < ListenerBacklog.MAX_MESSAGES; n++) {
            expected.add(Integer.toString(n));
        }
        expected.add("LOST client 'test', subscription to channels [news]: 5 messages dropped");
        expected.add("RESUBSCRIBED");
        expected.add(Integer.toString(published));
        assertThat(recorder.heard).containsExactlyElementsOf(expected);
        assertThat(recorder.causes.get(0)).isInstanceOf(RedisOverloadedException.class).hasMessageContaining("fell behind by more than 10000 "
                + "messages or 32 MB of payload");
    }

    @Test
    void shouldBoundThePayloadWaiting() {
        int size = 1024 * 1024;
        int published = (int) (ListenerBacklog.MAX_BYTES / size) + 3;
        for (int n = 0; n < published; n++) {
            listener.onMessage(message(n, size));
        }
        lane.runAll();

        assertThat(recorder.heard).hasSize((int) (ListenerBacklog.MAX_BYTES / size) + 2);
        assertThat(recorder.heard.get(recorder.heard.size() - 2)).endsWith(": 3 messages dropped");
    }

    @Test
    void shouldTakeAMessageLargerThanTheBoundWhenNoneWaits() {
        listener.onMessage(message(0, (int) ListenerBacklog.MAX_BYTES + 1));
        lane.runAll();

        assertThat(recorder.heard).containsExactly("0");
    }

    @Test
    void shouldDropTheNewMessagesUntilTheListenerCaughtUpEvenWhenRoomFrees() {
        for (int n = 0; n <= ListenerBacklog.MAX_MESSAGES; n++) {
            listener.onMessage(message(n));
        }
        lane.runOne(); // room for one again, but the listener is behind still: the gap would come in pieces
        listener.onMessage(message(ListenerBacklog.MAX_MESSAGES + 1));
        lane.runAll();

        assertThat(recorder.heard).hasSize(ListenerBacklog.MAX_MESSAGES + 2).endsWith("LOST client 'test', subscription to channels [news]: 2 "
                + "messages dropped", "RESUBSCRIBED");
    }

    @Test
    void shouldTellAGapWithinALostConnectionAsPartOfIt() {
        listener.onConnectionLost(new IllegalStateException("connection lost"));
        for (int n = 0; n <= ListenerBacklog.MAX_MESSAGES; n++) { // shard channels of one subscription: one lost, the others still heard
            listener.onMessage(message(n));
        }
        listener.onResubscribed();
        lane.runAll();

        assertThat(recorder.heard).hasSize(ListenerBacklog.MAX_MESSAGES + 2).startsWith("LOST connection lost").endsWith(Integer.toString(
                ListenerBacklog.MAX_MESSAGES - 1), "RESUBSCRIBED");
    }

    /**
     * The listener, behind, hears of a lost connection and of the resubscription; a message published after that is
     * dropped too (it is behind still): it hears of that gap after the resubscription, not merged into the gap told
     * before the lost connection, which would let it take every message after the resubscription for delivered.
     */
    @Test
    void shouldTellMessagesDroppedAfterAResubscriptionAfterIt() {
        for (int n = 0; n <= ListenerBacklog.MAX_MESSAGES; n++) {
            listener.onMessage(message(n));
        }
        listener.onConnectionLost(new IllegalStateException("connection lost"));
        listener.onResubscribed();
        listener.onMessage(message(ListenerBacklog.MAX_MESSAGES + 1));
        lane.runAll();

        assertThat(recorder.heard.subList(ListenerBacklog.MAX_MESSAGES, recorder.heard.size())).containsExactly(
                "LOST client 'test', subscription to channels [news]: 1 message dropped", "RESUBSCRIBED",
                "LOST connection lost", "RESUBSCRIBED",
                "LOST client 'test', subscription to channels [news]: 1 message dropped", "RESUBSCRIBED");
    }

    @Test
    void shouldTellTheListenerWhoseMessagesWereDroppedOnly() {
        Recorder other = new Recorder();
        OrderedListener alongside = listener.alongside(other, "client 'test', subscription to patterns [n*]");
        for (int n = 0; n < ListenerBacklog.MAX_MESSAGES; n++) {
            listener.onMessage(message(n));
        }
        alongside.onMessage(message(0));
        lane.runAll();

        assertThat(recorder.heard).hasSize(ListenerBacklog.MAX_MESSAGES).doesNotContain("RESUBSCRIBED");
        assertThat(other.heard).containsExactly("LOST client 'test', subscription to patterns [n*]: 1 message dropped", "RESUBSCRIBED");
    }

    @Test
    void shouldTellAStoppedListenerNothing() {
        for (int n = 0; n <= ListenerBacklog.MAX_MESSAGES; n++) {
            listener.onMessage(message(n));
        }
        listener.stop();
        listener.onMessage(message(0));
        lane.runAll();

        assertThat(recorder.heard).isEmpty();
    }

    private static RedisMessage message(int n) {
        return new RedisMessage("news", null, Integer.toString(n).getBytes(StandardCharsets.US_ASCII));
    }

    private static RedisMessage message(int n, int size) {
        byte[] payload = new byte[size];
        byte[] number = (n + ":").getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(number, 0, payload, 0, number.length);
        return new RedisMessage("news", null, payload);
    }

    /** A lane run by the test: nothing runs until it says so, as on a lane whose listener is stuck. */
    private static final class HandRunLane implements Executor {
        private final Queue<Runnable> tasks = new ArrayDeque<>();

        @Override
        public void execute(Runnable task) {
            tasks.add(task);
        }

        int waiting() {
            return tasks.size();
        }

        void runOne() {
            tasks.remove().run();
        }

        void runAll() {
            for (int bound = 0; bound < 1_000_000 && !tasks.isEmpty(); bound++) {
                runOne();
            }
        }
    }

    /** Keeps what it hears: a message as its number (what comes before ':'), a gap as LOST and the first line of its cause's message. */
    private static final class Recorder implements SubscriptionListener {
        final List<String> heard = new ArrayList<>();
        final List<Throwable> causes = new ArrayList<>();

        @Override
        public void onMessage(RedisMessage message) {
            String payload = new String(message.payload(), 0, Math.min(16, message.payload().length), StandardCharsets.US_ASCII);
            int end = payload.indexOf(':');
            heard.add(end < 0 ? payload : payload.substring(0, end));
        }

        @Override
        public void onConnectionLost(Throwable cause) {
            causes.add(cause);
            String text = cause.getMessage();
            int cut = text.indexOf(" dropped");
            heard.add("LOST " + (cut < 0 ? text : text.substring(0, cut + " dropped".length())));
        }

        @Override
        public void onResubscribed() {
            heard.add("RESUBSCRIBED");
        }
    }
}
