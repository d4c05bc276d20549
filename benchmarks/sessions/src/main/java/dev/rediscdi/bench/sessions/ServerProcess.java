package dev.rediscdi.bench.sessions;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** A {@link SessionServer} in a JVM of its own, started from this jar, stopped by closing its input (then by its pid). */
final class ServerProcess implements AutoCloseable {
    private static final long START_TIMEOUT_SECONDS = 60;
    private final Process process;
    private final int port;

    ServerProcess(Variant variant, int redisPort, List<String> jvmArgs, Path log) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmArgs);
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(SessionServer.class.getName());
        command.add(variant.name());
        command.add(String.valueOf(redisPort));
        process = new ProcessBuilder(command).redirectError(log.toFile()).start();
        port = awaitReady(log);
    }

    private int awaitReady(Path log) throws IOException, InterruptedException {
        BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(START_TIMEOUT_SECONDS);
        while (System.nanoTime() < deadline) {
            if (!out.ready()) {
                if (!process.isAlive()) {
                    break;
                }
                Thread.sleep(50);
                continue;
            }
            String line = out.readLine();
            if (line != null && line.startsWith("READY ")) {
                return Integer.parseInt(line.substring("READY ".length()).trim());
            }
        }
        process.destroyForcibly();
        throw new IllegalStateException("the session server did not start within " + START_TIMEOUT_SECONDS + " s; its log: " + log);
    }

    int port() {
        return port;
    }

    @Override
    public void close() throws Exception {
        process.getOutputStream().close();
        if (!process.waitFor(20, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
    }
}
