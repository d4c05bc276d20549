package dev.rediscdi.tests.soak;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.jboss.weld.environment.se.WeldContainer;
import org.junit.jupiter.api.Test;

import dev.rediscdi.RedisClient;
import dev.rediscdi.RedisMessage;
import dev.rediscdi.tests.Containers;
import dev.rediscdi.tests.Eventually;
import dev.rediscdi.tests.RecordingListener;
import dev.rediscdi.tests.TestConfig;
import dev.rediscdi.testing.RedisServer;
import dev.rediscdi.testing.TcpProxy;

/**
 * Faults while 32 callers mix plain commands, batches, transactions, pipelines, blocking pops and PUBLISH on keys of
 * their own ({@link MixedLoad}), with a subscription open: every call ends within its bound, with its caller's own
 * reply or a documented failure; afterwards every kind of call works again, the subscription hears again, and no
 * thread is left behind.
 */
class MixedLoadUnderFaultsIT {
    private static final Duration CALL_BOUND = Duration.ofSeconds(10);
    private static final Set<String> UNAVAILABLE = Set.of("RedisCircuitOpenException", "RedisTimeoutException",
            "RedisConnectionLostException", "RedisConnectionException");
    private static final Set<String> OVERLOADED_OR_UNAVAILABLE = Set.of("RedisOverloadedException", "RedisCircuitOpenException",
            "RedisTimeoutException", "RedisConnectionLostException", "RedisConnectionException");

    /** Frozen (SIGSTOP) for four timeouts: calls time out, the breaker opens, and closes again after the thaw. */
    @Test
    void shouldEndEveryCallWithItsOwnReplyAcrossAFreeze() throws Exception {
        try (RedisServer server = RedisServer.builder().start()) {
            Failed failed = underLoad(server, frozenFor(server, 2000));
            assertThat(failed.counts()).as("failures: %s", failed.examples()).containsKeys("RedisTimeoutException", "RedisCircuitOpenException");
            assertThat(failed.counts().keySet()).as("failures: %s", failed.examples()).isSubsetOf(UNAVAILABLE);
        }
    }

    /**
     * Frozen for ten timeouts with no breaker to fail calls fast: every call waits for its deadline, the connections
     * are taken for dead and opened again and again against a Redis that accepts sockets but answers nothing.
     */
    @Test
    void shouldEndEveryCallWithItsOwnReplyAcrossALongFreezeWithoutABreaker() throws Exception {
        try (RedisServer server = RedisServer.builder().start()) {
            Failed failed = underLoad(server, frozenFor(server, 5000), "redis.circuit-breaker.enabled", "false");
            assertThat(failed.counts()).as("failures: %s", failed.examples()).containsKey("RedisTimeoutException");
            assertThat(failed.counts().keySet()).as("failures: %s", failed.examples()).isSubsetOf(UNAVAILABLE);
        }
    }

    /**
     * Frozen for four timeouts with a shallow pipeline (4 in flight) and a short line behind it (16): calls beyond them
     * are refused at once, and once Redis answers again the line empties and every kind of call works again.
     */
    @Test
    void shouldEndEveryCallWithItsOwnReplyAcrossAFreezeWithAShortLine() throws Exception {
        try (RedisServer server = RedisServer.builder().start()) {
            Failed failed = underLoad(server, frozenFor(server, 2000), "redis.max-waiting-handlers", "4", "redis.max-queued-commands", "16",
                    "redis.circuit-breaker.enabled", "false");
            assertThat(failed.counts()).as("failures: %s", failed.examples()).containsKeys("RedisTimeoutException", "RedisOverloadedException");
            assertThat(failed.counts().keySet()).as("failures: %s", failed.examples()).isSubsetOf(OVERLOADED_OR_UNAVAILABLE);
        }
    }

    /**
     * Redis at maxclients for a second, its clients' connections killed at the start: they open again until Redis
     * refuses more (with an error reply the driver's connect never reports), and the calls needing one more wait for
     * their deadline.
     */
    @Test
    void shouldEndEveryCallWithItsOwnReplyWhileRedisTakesNoMoreConnections() throws Exception {
        try (RedisServer server = RedisServer.builder().start()) {
            Failed failed = underLoad(server, () -> {
                // a connection of the test's own, kept open: the only way to reach Redis again once it takes no more
                try (Socket admin = new Socket(InetAddress.getLoopbackAddress(), server.port())) {
                    String connected = call(admin, "INFO", "clients").lines().filter(line -> line.startsWith("connected_clients:"))
                            .findFirst().orElseThrow().split(":")[1].trim();
                    call(admin, "CONFIG", "SET", "maxclients", connected);
                    try {
                        call(admin, "CLIENT", "KILL", "TYPE", "normal");
                        Thread.sleep(1000);
                    } finally {
                        call(admin, "CONFIG", "SET", "maxclients", "10000");
                    }
                }
            });
            assertThat(failed.counts().keySet()).as("failures: %s", failed.examples()).isSubsetOf(UNAVAILABLE);
        }
    }

    private static Fault frozenFor(RedisServer server, long millis) {
        return () -> {
            server.freeze();
            try {
                Thread.sleep(millis);
            } finally {
                server.unfreeze();
            }
        };
    }

    /** Sends one command on {@code socket} and reads its reply: a simple line, or a bulk string (INFO). */
    private static String call(Socket socket, String... command) throws IOException {
        socket.setSoTimeout(5000);
        StringBuilder request = new StringBuilder("*" + command.length + "\r\n");
        for (String part : command) {
            request.append('$').append(part.getBytes(StandardCharsets.UTF_8).length).append("\r\n").append(part).append("\r\n");
        }
        socket.getOutputStream().write(request.toString().getBytes(StandardCharsets.UTF_8));
        DataInputStream in = new DataInputStream(socket.getInputStream());
        String line = readLine(in);
        if (line.startsWith("-")) {
            throw new IllegalStateException(String.join(" ", command) + ": " + line);
        }
        if (!line.startsWith("$")) {
            return line.substring(1);
        }
        byte[] bulk = new byte[Integer.parseInt(line.substring(1)) + 2];
        in.readFully(bulk);
        return new String(bulk, 0, bulk.length - 2, StandardCharsets.UTF_8);
    }

    private static String readLine(DataInputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        for (int b = in.read(); b != '\n'; b = in.read()) {
            if (b < 0) {
                throw new EOFException("Redis closed the connection");
            }
            if (b != '\r') {
                line.write(b);
            }
        }
        return line.toString(StandardCharsets.UTF_8);
    }

    /**
     * Stopped and started on the same port twice, 300 ms apart; with every write on disk before it is acknowledged, so
     * that a caller that reads nothing after an acknowledged write lost it.
     */
    @Test
    void shouldEndEveryCallWithItsOwnReplyAcrossTwoQuickRestarts() throws Exception {
        try (RedisServer server = RedisServer.builder().config("appendonly", "yes").config("appendfsync", "always").start()) {
            Failed failed = underLoad(server, () -> {
                server.restart();
                Thread.sleep(300);
                server.restart();
            });
            assertThat(failed.counts().keySet()).as("failures: %s", failed.examples()).isNotEmpty().isSubsetOf(UNAVAILABLE);
        }
    }

    /** Every connection of the client killed by Redis (CLIENT KILL TYPE normal, then TYPE pubsub), three times. */
    @Test
    void shouldEndEveryCallWithItsOwnReplyAcrossClientKills() throws Exception {
        try (RedisServer server = RedisServer.builder().start()) {
            Failed failed = underLoad(server, killedThreeTimes(server));
            assertThat(failed.counts().keySet()).as("failures: %s", failed.examples()).isSubsetOf(UNAVAILABLE);
        }
    }

    /** The same on RESP2, with the callers' commands spread over three pipelined connections. */
    @Test
    void shouldEndEveryCallWithItsOwnReplyAcrossClientKillsOnResp2AndThreeConnections() throws Exception {
        try (RedisServer server = RedisServer.builder().start()) {
            Failed failed = underLoad(server, killedThreeTimes(server), "redis.protocol", "resp2", "redis.connections", "3");
            assertThat(failed.counts().keySet()).as("failures: %s", failed.examples()).isSubsetOf(UNAVAILABLE);
        }
    }

    private static Fault killedThreeTimes(RedisServer server) {
        return () -> {
            for (int i = 0; i < 3; i++) {
                server.command("CLIENT", "KILL", "TYPE", "normal");
                server.command("CLIENT", "KILL", "TYPE", "pubsub");
                Thread.sleep(300);
            }
        };
    }

    /**
     * Every connection open goes silent without closing (a network partition, a paused VM: through a proxy that stops
     * forwarding), while new ones work: the client must give up on each silent one by itself, the pipelined, pooled,
     * blocking and subscription connections alike.
     */
    @Test
    void shouldEndEveryCallWithItsOwnReplyWhenEveryOpenConnectionGoesSilent() throws Exception {
        try (RedisServer server = RedisServer.builder().start();
                TcpProxy proxy = TcpProxy.to(server.port())) {
            Failed failed = underLoad(server, proxy.uri(), proxy::silenceOpenConnections);
            assertThat(failed.counts()).as("failures: %s", failed.examples()).containsKey("RedisTimeoutException");
            assertThat(failed.counts().keySet()).as("failures: %s", failed.examples()).isSubsetOf(UNAVAILABLE);
            assertThat(proxy.silencedConnectionsClosedByClient()).as("silent connections the client closed").isPositive();
        }
    }

    /** Writes paused (CLIENT PAUSE WRITE) for four timeouts: reads queue behind them on the shared connections. */
    @Test
    void shouldEndEveryCallWithItsOwnReplyAcrossAPauseOfWrites() throws Exception {
        try (RedisServer server = RedisServer.builder().start()) {
            Failed failed = underLoad(server, () -> {
                server.command("CLIENT", "PAUSE", "2000", "WRITE");
                Thread.sleep(2000);
            });
            assertThat(failed.counts()).as("failures: %s", failed.examples()).containsKey("RedisTimeoutException");
            assertThat(failed.counts().keySet()).as("failures: %s", failed.examples()).isSubsetOf(UNAVAILABLE);
        }
    }

    /**
     * Redis full ({@code maxmemory} with {@code noeviction}) for a second: writes fail with Redis' OOM reply, nothing
     * else fails, and none is sent again: Redis rejected exactly as many SETs and RPUSHes as callers saw refused.
     */
    @Test
    void shouldRefuseWritesWithRedisOwnReplyWhileRedisIsFullAndNeverSendThemAgain() throws Exception {
        try (RedisServer server = RedisServer.builder().config("maxmemory-policy", "noeviction").start()) {
            // a timeout of its own: Redis answers throughout, and on a host at 30-40% steal time a 500 ms stall once
            // timed out a batch (and opened the breaker), which is not what this test is about
            Failed failed = underLoad(server, () -> {
                server.command("CONFIG", "SET", "maxmemory", "1");
                Thread.sleep(1000);
                server.command("CONFIG", "SET", "maxmemory", "0");
            }, "redis.timeout", "3s");
            assertThat(failed.counts()).as("failures: %s", failed.examples()).containsKey("RedisReplyException OOM");
            assertThat(failed.counts().keySet()).as("failures: %s", failed.examples()).isSubsetOf("RedisReplyException OOM", "RedisReplyException EXECABORT");
            String stats = server.command("INFO", "commandstats");
            assertThat(rejected(stats, "set") + rejected(stats, "rpush")).as("writes Redis rejected, against refusals callers saw: %s", failed.counts())
                    .isEqualTo(failed.counts().values().stream().mapToLong(Long::longValue).sum());
        }
    }

    private static long rejected(String commandStats, String command) {
        java.util.regex.Matcher matcher = java.util.regex.Pattern.compile("cmdstat_" + command + ":.*rejected_calls=(\\d+)").matcher(commandStats);
        return matcher.find() ? Long.parseLong(matcher.group(1)) : 0;
    }

    /** Runs {@code fault} under the load and checks what every caller got; returns the failures by exception class. */
    private static Failed underLoad(RedisServer server, Fault fault, String... moreConfig) throws Exception {
        return underLoad(server, server.uri(), fault, moreConfig);
    }

    /** As {@link #underLoad(RedisServer, Fault, String...)}, the client reaching {@code server} at {@code hosts}. */
    private static Failed underLoad(RedisServer server, String hosts, Fault fault, String... moreConfig) throws Exception {
        // a blocking-command connection per caller: none waits in line for one, which would time out unsent under this load
        List<String> properties = new ArrayList<>(List.of("redis.hosts", hosts, "redis.timeout", "500ms", "redis.retry.max-duration", "1s",
                "redis.circuit-breaker.delay", "500ms", "redis.reconnect-max-delay", "500ms", "redis.max-blocking-connections", "32"));
        properties.addAll(List.of(moreConfig));
        try (TestConfig config = TestConfig.of(properties.toArray(String[]::new));
                WeldContainer weld = Containers.boot()) {
            RedisClient redis = weld.select(RedisClient.class).get();
            String channel = "soak-" + UUID.randomUUID();
            RecordingListener listener = new RecordingListener();
            // a cold JVM may take longer than the timeout to open its first connections
            Eventually.get(Duration.ofSeconds(10), () -> redis.subscribe(listener, channel).toCompletableFuture().get(5, TimeUnit.SECONDS));
            Map<String, Long> failures;
            Map<String, String> examples;
            Threads before;
            try (MixedLoad load = new MixedLoad(redis, "soak:" + UUID.randomUUID() + ":", channel, CALL_BOUND).start(32)) {
                assertThat(load.awaitSuccesses(20, Duration.ofSeconds(20))).as("warm-up: %s", load.successes()).isTrue();
                before = Threads.now();

                fault.inject();

                assertThat(load.awaitSuccesses(20, Duration.ofSeconds(20))).as("every kind of call succeeds again after the fault: "
                        + "%s, failures %s", load.successes(), load.failures()).isTrue();
                assertThat(load.stop(CALL_BOUND.multipliedBy(2))).as("every caller returned").isTrue();
                assertThat(load.mismatches()).as("replies that were not the caller's own").isEmpty();
                assertThat(load.stuck()).as("calls still pending after %s", CALL_BOUND).isEmpty();
                assertThat(load.undocumented()).as("failures that are not RedisExceptions").isEmpty();
                failures = load.failures();
                examples = load.failureExamples();
            }

            RedisMessage heard = Eventually.get(Duration.ofSeconds(10), () -> {
                server.command("PUBLISH", channel, "after-the-fault");
                for (RedisMessage message = listener.messages.poll(200, TimeUnit.MILLISECONDS); message != null;
                        message = listener.messages.poll(200, TimeUnit.MILLISECONDS)) {
                    if (message.payloadAsString().equals("after-the-fault")) {
                        return message;
                    }
                }
                throw new IllegalStateException("not heard yet");
            });
            assertThat(heard.channel()).isEqualTo(channel);

            Threads after = Threads.settled(before, 8, Duration.ofSeconds(10));
            assertThat(after.eventLoops()).as("event-loop threads").isEqualTo(before.eventLoops());
            assertThat(after.total()).as("threads: before %s, after %s", before, after).isLessThanOrEqualTo(before.total() + 8);
            return new Failed(failures, examples);
        }
    }

    /** The failures callers saw, by kind, and the first of each kind with its call. */
    private record Failed(Map<String, Long> counts, Map<String, String> examples) {
    }

    @FunctionalInterface
    private interface Fault {
        void inject() throws Exception;
    }
}
