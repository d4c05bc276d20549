package dev.rediscdi.testing;

import java.nio.file.Path;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * A JVM shutdown hook that kills (SIGKILL, by pid) every redis-server the harness started and did not stop,
 * and deletes the temporary directories of servers that were not closed.
 */
final class ProcessReaper {

    private static final Set<Process> PROCESSES = ConcurrentHashMap.newKeySet();
    private static final Set<Path> DIRECTORIES = ConcurrentHashMap.newKeySet();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(ProcessReaper::reap, "redis-server-reaper"));
    }

    private ProcessReaper() {
    }

    static void track(Process process) {
        PROCESSES.add(process);
    }

    static void untrack(Process process) {
        PROCESSES.remove(process);
    }

    static void trackDirectory(Path directory) {
        DIRECTORIES.add(directory);
    }

    static void untrackDirectory(Path directory) {
        DIRECTORIES.remove(directory);
    }

    private static void reap() {
        for (Process process : PROCESSES) {
            process.destroyForcibly();
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(3);
        for (Process process : PROCESSES) {
            try {
                process.waitFor(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        DIRECTORIES.forEach(Directories::deleteQuietly);
    }
}
