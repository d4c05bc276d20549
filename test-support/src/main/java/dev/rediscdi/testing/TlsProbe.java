package dev.rediscdi.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * Tells whether a redis-server binary was built with TLS: starting it with a {@code tls-port} and no
 * certificate makes a TLS build stop at once complaining about {@code tls-cert-file}; a build without TLS
 * rejects the directive (or would start, and is then killed).
 */
final class TlsProbe {

    private TlsProbe() {
    }

    static boolean supportsTls(Path binary) {
        Path workDir = null;
        Process process = null;
        try {
            workDir = Files.createTempDirectory("redis-tls-probe-");
            process = new ProcessBuilder(binary.toString(), "--port", "0", "--tls-port", Integer.toString(FreePorts.next()),
                    "--bind", "127.0.0.1")
                    .directory(workDir.toFile())
                    .redirectErrorStream(true)
                    .start();
            process.getOutputStream().close();
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                return false;
            }
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            return output.contains("tls-cert-file");
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } finally {
            if (process != null && process.isAlive()) {
                process.destroyForcibly();
                try {
                    process.waitFor(5, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            if (workDir != null) {
                Directories.deleteQuietly(workDir);
            }
        }
    }
}
