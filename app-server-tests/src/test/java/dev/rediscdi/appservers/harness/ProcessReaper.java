package dev.rediscdi.appservers.harness;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/** Kills (by pid, SIGKILL) every server process the harness started and did not stop, when the JVM exits. */
final class ProcessReaper {

    private static final Set<Process> RUNNING = ConcurrentHashMap.newKeySet();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(ProcessReaper::killAll, "app-server-reaper"));
    }

    private ProcessReaper() {
    }

    static void track(Process process) {
        RUNNING.add(process);
    }

    static void untrack(Process process) {
        RUNNING.remove(process);
    }

    private static void killAll() {
        for (Process process : RUNNING) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
        }
        for (Process process : RUNNING) {
            try {
                process.waitFor(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
