package dev.rediscdi.sample.quarkus;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs the packaged application as a person would: {@code java -jar target/quarkus-app/quarkus-run.jar} with no
 * Redis configured, so that {@link SampleMain} starts its own redis-server; then stops it and checks that the
 * redis-server went with it. Runs in the integration-test phase (failsafe), after the Quarkus build goal.
 */
class PackagedApplicationIT {

    private static final Duration STARTUP = Duration.ofSeconds(30);
    private static final Duration SHUTDOWN = Duration.ofSeconds(15);
    /** The line {@link SampleMain} prints when it starts its own redis-server. */
    private static final Pattern STARTED_REDIS = Pattern.compile("at redis://127\\.0\\.0\\.1:(\\d+) \\(pid (\\d+)\\)");

    @TempDir
    Path temp;

    private Process app;

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void runsWithALocalRedisServerAndStopsIt() throws Exception {
        Path jar = Path.of(System.getProperty("quarkus.sample.run.jar", "target/quarkus-app/quarkus-run.jar"));
        assertThat(jar).as("the packaged application (mvn package builds it)").isRegularFile();
        int port = freePort();
        Path output = temp.resolve("app.log");

        ProcessBuilder builder = new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Dquarkus.http.port=" + port,
                "-Dquarkus.http.host=127.0.0.1",
                "-jar", jar.toString())
                .redirectErrorStream(true)
                .redirectOutput(output.toFile());
        // as a person would run it: no Redis configured
        builder.environment().remove("REDIS_HOSTS");
        builder.environment().remove("REDIS_CACHE_HOSTS");
        app = builder.start();

        awaitReady(port, output);
        String log = read(output);
        Matcher started = STARTED_REDIS.matcher(log);
        assertThat(started.find()).as("SampleMain reports the redis-server it started; output:\n%s", log).isTrue();
        ProcessHandle redis = ProcessHandle.of(Long.parseLong(started.group(2))).orElseThrow();
        assertThat(redis.parent().map(ProcessHandle::pid)).as("redis-server is a child of the application")
                .contains(app.pid());
        assertThat(started.group(1)).isNotEqualTo("6379");
        assertThat(log).contains("open http://localhost:" + port + "/visits/home");

        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        String page = "it-" + System.nanoTime();
        HttpResponse<String> first = get(http, port, "/visits/" + page);
        HttpResponse<String> second = get(http, port, "/visits/" + page);
        assertThat(first.statusCode()).as(read(output)).isEqualTo(200);
        assertThat(first.body().trim()).isEqualTo("1");
        assertThat(second.statusCode()).isEqualTo(200);
        assertThat(Long.parseLong(second.body().trim())).isEqualTo(2);

        HttpResponse<String> put = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/cache/it"))
                .timeout(Duration.ofSeconds(10)).header("Content-Type", "text/plain")
                .PUT(HttpRequest.BodyPublishers.ofString("cached")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(put.statusCode()).as(read(output)).isEqualTo(204);
        assertThat(get(http, port, "/cache/it").body()).isEqualTo("cached");

        app.destroy(); // SIGTERM, as Ctrl+C or a service manager would stop it
        assertThat(app.waitFor(SHUTDOWN.toSeconds(), TimeUnit.SECONDS)).as("application stopped; output:\n%s", read(output)).isTrue();
        assertThat(redis.onExit().toCompletableFuture().completeOnTimeout(null, 5, TimeUnit.SECONDS).get())
                .as("redis-server pid %d still running after the application stopped", redis.pid()).isNotNull();
        assertThat(redis.isAlive()).isFalse();
    }

    @AfterEach
    void killLeftovers() {
        if (app != null && app.isAlive()) {
            List<ProcessHandle> children = app.descendants().toList();
            app.destroyForcibly();
            children.forEach(ProcessHandle::destroyForcibly);
        }
    }

    private static HttpResponse<String> get(HttpClient http, int port, String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(10)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Waits (bounded) for the line SampleMain prints once Quarkus has started, and for the HTTP port. */
    private void awaitReady(int port, Path output) throws Exception {
        long deadline = System.nanoTime() + STARTUP.toNanos();
        while (System.nanoTime() < deadline) {
            if (!app.isAlive()) {
                throw new AssertionError("the application exited with " + app.exitValue() + ":\n" + read(output));
            }
            if (read(output).contains("Redis CDI Quarkus sample ready") && accepts(port)) {
                return;
            }
            Thread.sleep(200);
        }
        throw new AssertionError("not ready on port " + port + " after " + STARTUP.toSeconds() + " s:\n" + read(output));
    }

    private static boolean accepts(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 200);
            return true;
        } catch (IOException notYet) {
            return false;
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private static String read(Path file) {
        try {
            return Files.exists(file) ? Files.readString(file) : "";
        } catch (IOException e) {
            return "(cannot read " + file + ": " + e + ")";
        }
    }
}
