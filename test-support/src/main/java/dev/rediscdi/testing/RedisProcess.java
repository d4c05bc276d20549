package dev.rediscdi.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** One running redis-server process: started from a conf file, waited for, signalled and stopped by pid. */
final class RedisProcess {

    static final Duration READY_TIMEOUT = Duration.ofSeconds(15);
    static final Duration STOP_TIMEOUT = Duration.ofSeconds(5);
    static final String READY = "Ready to accept connections";
    /** What a Sentinel logs once it listens and has loaded its configuration (it never logs {@link #READY}). */
    static final String SENTINEL_READY = "Sentinel ID is";
    private static final String PORT_BUSY = "Address already in use";

    /** The server could not listen because its port is taken. */
    static final class PortBusyException extends Exception {
        private static final long serialVersionUID = 1L;

        PortBusyException(String message) {
            super(message);
        }
    }

    private final Process process;
    private volatile boolean frozen;

    private RedisProcess(Process process) {
        this.process = process;
    }

    /** Starts redis-server and returns once its log says it accepts connections. */
    static RedisProcess start(Path binary, Path confFile, Path workDir, ServerLog log) throws PortBusyException {
        return start(binary, confFile, workDir, log, false);
    }

    /**
     * Starts {@code redis-server CONF} (with {@code --sentinel} if asked) and returns once its log says it
     * accepts connections ({@value #READY}, or for a Sentinel {@value #SENTINEL_READY}, logged after it listens).
     */
    static RedisProcess start(Path binary, Path confFile, Path workDir, ServerLog log, boolean sentinel)
            throws PortBusyException {
        long[] mark = log.mark();
        String ready = sentinel ? SENTINEL_READY : READY;
        List<String> commandLine = new ArrayList<>(List.of(binary.toString(), confFile.toString()));
        if (sentinel) {
            commandLine.add("--sentinel");
        }
        Process process;
        try {
            process = new ProcessBuilder(commandLine)
                    .directory(workDir.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.outputFile().toFile()))
                    .start();
            process.getOutputStream().close();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + binary, e);
        }
        ProcessReaper.track(process);
        RedisProcess started = new RedisProcess(process);
        long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
        while (true) {
            boolean alive = process.isAlive();
            String written = log.since(mark);
            if (alive && written.contains(ready)) {
                return started;
            }
            if (!alive) {
                ProcessReaper.untrack(process);
                if (written.contains(PORT_BUSY)) {
                    throw new PortBusyException(written);
                }
                throw new IllegalStateException(kind(sentinel) + " (pid " + process.pid() + ") exited with code "
                        + process.exitValue() + " while starting:\n" + log.tail());
            }
            if (System.nanoTime() > deadline) {
                started.kill();
                throw new IllegalStateException(kind(sentinel) + " (pid " + process.pid() + ") not ready within "
                        + READY_TIMEOUT.toSeconds() + " s:\n" + log.tail());
            }
            sleep(20);
        }
    }

    private static String kind(boolean sentinel) {
        return sentinel ? "redis-server --sentinel" : "redis-server";
    }

    long pid() {
        return process.pid();
    }

    boolean isAlive() {
        return process.isAlive();
    }

    /** SIGTERM, then SIGKILL if the server has not exited within 5 s; returns once the process is gone. */
    void stop() {
        if (process.isAlive()) {
            if (frozen) {
                unfreeze();
            }
            process.destroy();
            if (!waitFor(STOP_TIMEOUT)) {
                process.destroyForcibly();
                waitFor(STOP_TIMEOUT);
            }
        }
        ProcessReaper.untrack(process);
    }

    /** The harness' shutdown hook no longer kills this process: its owner's own hook stops it. */
    void leaveToOwnersHook() {
        ProcessReaper.untrack(process);
    }

    /** SIGKILL; returns once the process is gone. */
    void kill() {
        process.destroyForcibly();
        waitFor(STOP_TIMEOUT);
        ProcessReaper.untrack(process);
    }

    /** SIGSTOP; returns once the process is stopped (as far as /proc tells). */
    void freeze() {
        signal("STOP");
        frozen = true;
        awaitState(true);
    }

    /** SIGCONT. */
    void unfreeze() {
        signal("CONT");
        frozen = false;
        awaitState(false);
    }

    private void signal(String name) {
        if (!process.isAlive()) {
            throw new IllegalStateException("redis-server (pid " + process.pid() + ") is not running");
        }
        try {
            Process kill = new ProcessBuilder("/bin/sh", "-c", "kill -" + name + " " + process.pid())
                    .redirectErrorStream(true).start();
            kill.getOutputStream().close();
            if (!kill.waitFor(5, TimeUnit.SECONDS)) {
                kill.destroyForcibly();
                throw new IllegalStateException("kill -" + name + " did not return within 5 s");
            }
            if (kill.exitValue() != 0) {
                throw new IllegalStateException("kill -" + name + " " + process.pid() + " failed: "
                        + new String(kill.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot send SIG" + name, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    /** Waits (at most 2 s) until /proc/PID/stat shows the process stopped, or running again. */
    private void awaitState(boolean stopped) {
        Path stat = Path.of("/proc", Long.toString(process.pid()), "stat");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(2);
        while (Files.exists(stat) && System.nanoTime() < deadline) {
            try {
                String content = Files.readString(stat);
                String state = content.substring(content.lastIndexOf(')') + 2, content.lastIndexOf(')') + 3);
                if (state.equals("T") == stopped) {
                    return;
                }
            } catch (IOException | RuntimeException e) {
                return;
            }
            sleep(5);
        }
    }

    private boolean waitFor(Duration timeout) {
        try {
            return process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return !process.isAlive();
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
