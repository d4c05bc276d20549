package dev.rediscdi.appservers.harness;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/** One running server JVM: started with its output appended to a file, stopped by its pid. */
final class ServerProcess {

    private static final Duration GRACEFUL_STOP = Duration.ofSeconds(60);
    private static final Duration KILL_WAIT = Duration.ofSeconds(10);

    private final Process process;

    private ServerProcess(Process process) {
        this.process = process;
    }

    /** Starts {@code command}; its stdout and stderr go to the end of {@code console}. */
    static ServerProcess start(ProcessBuilder command, LogFile console) {
        command.redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(console.path().toFile()));
        try {
            Process process = command.start();
            process.getOutputStream().close();
            ProcessReaper.track(process);
            return new ServerProcess(process);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + String.join(" ", command.command()), e);
        }
    }

    long pid() {
        return process.pid();
    }

    boolean isAlive() {
        return process.isAlive();
    }

    /** The exit code, or -1 while it runs. */
    int exitCode() {
        return process.isAlive() ? -1 : process.exitValue();
    }

    /** SIGTERM (the server shuts down cleanly), SIGKILL if it still runs after 60 s; returns once it is gone. */
    void stop() {
        if (process.isAlive()) {
            process.destroy();
            if (!waitFor(GRACEFUL_STOP)) {
                kill();
            }
        }
        ProcessReaper.untrack(process);
    }

    /** SIGKILL, to the server and anything it started; returns once it is gone. */
    void kill() {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        if (!waitFor(KILL_WAIT)) {
            throw new IllegalStateException("server process " + process.pid() + " survived SIGKILL for "
                    + KILL_WAIT.toSeconds() + " s");
        }
        ProcessReaper.untrack(process);
    }

    private boolean waitFor(Duration timeout) {
        try {
            return process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while stopping server process " + process.pid(), e);
        }
    }
}
