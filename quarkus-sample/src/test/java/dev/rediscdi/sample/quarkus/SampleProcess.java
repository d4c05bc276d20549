package dev.rediscdi.sample.quarkus;

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
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The packaged sample run as a person runs it, {@code java -jar target/quarkus-app/quarkus-run.jar}, in a process of
 * its own on a given port of 127.0.0.1, its output in a file. Stopped with SIGTERM, as Ctrl+C or a service manager
 * would; killed (with what it started) if it does not stop.
 */
public final class SampleProcess implements AutoCloseable {

    /** The line the sample prints once it serves requests. */
    public static final String READY = "Redis CDI Quarkus sample ready: open ";
    private static final Duration STARTUP = Duration.ofSeconds(45);
    private static final Duration SHUTDOWN = Duration.ofSeconds(15);

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final Process process;
    private final Path output;
    private final int port;

    private SampleProcess(Process process, Path output, int port) {
        this.process = process;
        this.output = output;
        this.port = port;
    }

    /**
     * Starts the application and waits (at most 45 s) until it printed {@link #READY} and accepts connections.
     *
     * @param environment variables to set; a {@code null} value removes the variable
     */
    public static SampleProcess start(int port, Path output, Map<String, String> environment) throws Exception {
        SampleProcess sample = launch(port, output, environment);
        sample.awaitReady();
        return sample;
    }

    /**
     * Starts the application expecting it not to start: waits (at most 45 s) until it exited, and fails if it printed
     * {@link #READY} instead.
     *
     * @return its exit code
     */
    public static int startExpectingFailure(int port, Path output, Map<String, String> environment) throws Exception {
        try (SampleProcess sample = launch(port, output, environment)) {
            if (!sample.process.waitFor(STARTUP.toSeconds(), TimeUnit.SECONDS)) {
                throw new AssertionError("still running " + STARTUP.toSeconds() + " s after its start:\n" + sample.output());
            }
            if (sample.output().contains(READY)) {
                throw new AssertionError("it started:\n" + sample.output());
            }
            return sample.process.exitValue();
        }
    }

    private static SampleProcess launch(int port, Path output, Map<String, String> environment) throws IOException {
        Path jar = Path.of(System.getProperty("quarkus.sample.run.jar", "target/quarkus-app/quarkus-run.jar"));
        if (!Files.isRegularFile(jar)) {
            throw new AssertionError("the packaged application " + jar + " is missing: mvn package builds it");
        }
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Dquarkus.http.port=" + port, "-Dquarkus.http.host=127.0.0.1", "-jar", jar.toString())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(output.toFile()));
        // as a person would run it: no Redis configured unless the caller says so
        builder.environment().remove("REDIS_HOSTS");
        builder.environment().remove("REDIS_CACHE_HOSTS");
        environment.forEach((name, value) -> {
            if (value == null) {
                builder.environment().remove(name);
            } else {
                builder.environment().put(name, value);
            }
        });
        return new SampleProcess(builder.start(), output, port);
    }

    public Process process() {
        return process;
    }

    /** Everything the application printed so far. */
    public String output() {
        try {
            return Files.exists(output) ? Files.readString(output) : "";
        } catch (IOException e) {
            return "(cannot read " + output + ": " + e + ")";
        }
    }

    public String baseUri() {
        return "http://127.0.0.1:" + port;
    }

    /** An HTTP request to the application, as a browser would send it (10 s at most). */
    public HttpResponse<String> send(String method, String path) throws IOException, InterruptedException {
        return send(method, path, null);
    }

    /** An HTTP request with a text body ({@code null}: none). */
    public HttpResponse<String> send(String method, String path, String text) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUri() + path)).timeout(Duration.ofSeconds(10));
        if (text != null) {
            request.header("Content-Type", "text/plain");
        }
        return http.send(request.method(method, text == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(text)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** SIGTERM, then waits (at most 15 s) for the process to end; fails if it does not. */
    public void stop() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(SHUTDOWN.toSeconds(), TimeUnit.SECONDS)) {
            throw new AssertionError("the application did not stop within " + SHUTDOWN.toSeconds() + " s of SIGTERM:\n" + output());
        }
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            List<ProcessHandle> children = process.descendants().toList();
            process.destroyForcibly();
            children.forEach(ProcessHandle::destroyForcibly);
        }
    }

    private void awaitReady() throws Exception {
        long deadline = System.nanoTime() + STARTUP.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new AssertionError("the application exited with " + process.exitValue() + ":\n" + output());
            }
            if (output().contains(READY) && accepts(port)) {
                return;
            }
            Thread.sleep(200);
        }
        close();
        throw new AssertionError("not ready on port " + port + " after " + STARTUP.toSeconds() + " s:\n" + output());
    }

    private static boolean accepts(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 200);
            return true;
        } catch (IOException notYet) {
            return false;
        }
    }

    /** A free port of the loopback interface (never 6379). */
    public static int freePort() throws IOException {
        for (int attempt = 0; attempt < 10; attempt++) {
            try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
                if (socket.getLocalPort() != 6379) {
                    return socket.getLocalPort();
                }
            }
        }
        throw new IOException("no free loopback port other than 6379 in 10 attempts");
    }
}
