package dev.rediscdi.tests;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.weld.environment.se.WeldContainer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import dev.rediscdi.BlockingRedisClient;
import dev.rediscdi.NamedRedisClient;
import dev.rediscdi.RedisOptionsCustomizer;
import dev.rediscdi.testing.RedisServer;
import dev.rediscdi.testing.RedisServerExtension;
import io.vertx.redis.client.RedisOptions;

/**
 * A canary password goes through every path: working clients, a wrong password, an unreachable server, a
 * configuration error, a customizer that dumps the options. It must not show up in any log record (all levels),
 * console output, exception (message, toString, stack trace) or options dump.
 */
class SecretsIT {
    private static final String CANARY = "canary-Pa55-7f3e";

    @RegisterExtension
    static final RedisServerExtension REDIS = new RedisServerExtension(RedisServer.builder().aclUser("app", CANARY, "~* +@all"));

    private final List<String> seen = new CopyOnWriteArrayList<>();
    private final Handler capture = new Handler() {
        private final SimpleFormatter formatter = new SimpleFormatter();

        @Override
        public void publish(LogRecord record) {
            seen.add(formatter.format(record));
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };
    private final ByteArrayOutputStream console = new ByteArrayOutputStream();
    private PrintStream originalOut;
    private PrintStream originalErr;
    private Level originalLevel;

    @ApplicationScoped
    static class DumpingCustomizer implements RedisOptionsCustomizer {
        static final List<String> DUMPS = new CopyOnWriteArrayList<>();

        @Override
        public void customize(String clientName, RedisOptions options) {
            DUMPS.add(options.toString());
            DUMPS.add(options.toJson().encodePrettily());
        }
    }

    @BeforeEach
    void captureEverything() {
        Logger root = Logger.getLogger("");
        originalLevel = root.getLevel();
        root.setLevel(Level.ALL);
        capture.setLevel(Level.ALL);
        root.addHandler(capture);
        originalOut = System.out;
        originalErr = System.err;
        System.setOut(new PrintStream(tee(originalOut), true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(tee(originalErr), true, StandardCharsets.UTF_8));
    }

    @AfterEach
    void restore() {
        Logger.getLogger("").removeHandler(capture);
        Logger.getLogger("").setLevel(originalLevel);
        System.setOut(originalOut);
        System.setErr(originalErr);
    }

    private OutputStream tee(PrintStream original) {
        return new OutputStream() {
            @Override
            public void write(int b) {
                console.write(b);
                original.write(b);
            }
        };
    }

    @Test
    void shouldNeverShowThePassword() {
        int closedPort = REDIS.server().port() + 1;
        try (TestConfig config = TestConfig.of(
                "redis.hosts", REDIS.server().uri(), "redis.username", "app", "redis.password", CANARY,
                "redis.inuri.hosts", REDIS.server().uri("app", CANARY),
                "redis.wrong.hosts", REDIS.server().uri("app", CANARY + "-wrong"),
                "redis.down.hosts", "redis://app:" + CANARY + "@127.0.0.1:" + closedPort,
                "redis.down.connect-timeout", "2s")) {
            WeldContainer container = Containers.boot(DumpingCustomizer.class);
            try {
                BlockingRedisClient redis = container.select(BlockingRedisClient.class).get();
                assertThat(redis.send("PING").toString()).isEqualTo("PONG");
                assertThat(client(container, "inuri").send("PING").toString()).isEqualTo("PONG");
                record(catching(() -> client(container, "wrong").send("PING")));
                record(catching(() -> client(container, "down").send("PING")));
                seen.add(String.valueOf(redis));
            } finally {
                container.shutdown();
            }
        }
        try (TestConfig config = TestConfig.of("redis.hosts", "redis://app:" + CANARY + "@localhost:99999",
                "redis.password", CANARY)) {
            record(catching(() -> Containers.boot().shutdown()));
        }

        assertThat(DumpingCustomizer.DUMPS).hasSizeGreaterThanOrEqualTo(8);
        assertThat(seen).as("the failures were recorded").anyMatch(text -> text.contains("RedisConnectionException"));
        assertThat(String.join("\n", seen)).doesNotContain(CANARY);
        assertThat(String.join("\n", DumpingCustomizer.DUMPS)).doesNotContain(CANARY);
        assertThat(console.toString(StandardCharsets.UTF_8)).doesNotContain(CANARY);
    }

    private static BlockingRedisClient client(WeldContainer container, String name) {
        return container.select(BlockingRedisClient.class, NamedRedisClient.Literal.of(name)).get();
    }

    private void record(Throwable failure) {
        assertThat(failure).isNotNull();
        StringWriter trace = new StringWriter();
        failure.printStackTrace(new PrintWriter(trace));
        seen.add(failure.toString());
        seen.add(trace.toString());
    }

    private static Throwable catching(Runnable action) {
        try {
            action.run();
            return null;
        } catch (RuntimeException e) {
            return e;
        }
    }
}
