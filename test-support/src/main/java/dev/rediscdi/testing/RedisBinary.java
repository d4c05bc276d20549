package dev.rediscdi.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Assumptions;

/**
 * A {@code redis-server} executable: the one named by {@value #OVERRIDE} (system property or environment
 * variable), else the first on the {@code PATH} (or in {@code /usr/bin}, {@code /usr/local/bin}), else the
 * Linux/macOS binary shipped in the {@code com.github.codemonstur:embedded-redis} jar, extracted once per JVM.
 */
public final class RedisBinary {

    /** System property or environment variable naming the {@code redis-server} to use. */
    public static final String OVERRIDE = "REDIS_SERVER_BINARY";

    private static final List<Path> COMMON_DIRECTORIES = List.of(Path.of("/usr/bin"), Path.of("/usr/local/bin"));
    private static final Pattern VERSION = Pattern.compile("v=(\\d+(?:\\.\\d+)*)");

    private static RedisBinary located;
    private static String locatedFor;
    private static RedisBinary embedded;

    private final Path path;
    private final boolean fromPath;
    private final String version;
    private Boolean tls;

    private RedisBinary(Path path, boolean fromPath) {
        this.path = path;
        this.fromPath = fromPath;
        this.version = readVersion(path);
    }

    /** The binary to use (cached per JVM); fails if none can be found or run. */
    public static synchronized RedisBinary locate() {
        String override = override();
        if (located == null || !Objects.equals(locatedFor, override)) {
            located = find(override);
            locatedFor = override;
        }
        return located;
    }

    /** The binary extracted from the embedded-redis jar, whatever the PATH holds (used to test the fallback). */
    static synchronized RedisBinary embedded() {
        if (embedded == null) {
            embedded = new RedisBinary(EmbeddedRedisBinary.extract(), false);
        }
        return embedded;
    }

    /** {@code redis-cli} from the PATH (or {@code /usr/bin}, {@code /usr/local/bin}), if there is one. */
    public static Optional<Path> locateCli() {
        return findExecutable("redis-cli");
    }

    /** Skips the calling test (JUnit assumption) unless the located binary can serve TLS. */
    public static void assumeTls() {
        RedisBinary binary = locate();
        Assumptions.assumeTrue(binary.supportsTls(), () -> "redis-server " + binary.path + " (" + binary.version
                + ") cannot serve TLS: install a TLS-capable redis-server (e.g. apt-get install redis-server, "
                + "Redis 6+ built with BUILD_TLS=yes) or point " + OVERRIDE + " at one");
    }

    public Path path() {
        return path;
    }

    /** The version printed by {@code redis-server --version}, e.g. {@code 7.0.15}. */
    public String version() {
        return version;
    }

    public int majorVersion() {
        return Integer.parseInt(version.split("\\.")[0]);
    }

    /** Whether this binary was built with TLS (probed once by a start-up that stops at the TLS set-up). */
    public synchronized boolean supportsTls() {
        if (tls == null) {
            tls = TlsProbe.supportsTls(path);
        }
        return tls;
    }

    /** {@code true} unless the binary was extracted from the embedded-redis jar. */
    public boolean isFromPath() {
        return fromPath;
    }

    @Override
    public String toString() {
        return "redis-server " + version + " at " + path + (fromPath ? "" : " (embedded-redis)");
    }

    private static String override() {
        String value = System.getProperty(OVERRIDE);
        if (value == null || value.isBlank()) {
            value = System.getenv(OVERRIDE);
        }
        return value == null || value.isBlank() ? null : value.trim();
    }

    private static RedisBinary find(String override) {
        if (override != null) {
            Path path = Path.of(override);
            if (!Files.isRegularFile(path) || !Files.isExecutable(path)) {
                throw new IllegalStateException(OVERRIDE + "=" + override + " is not an executable file");
            }
            return new RedisBinary(path, true);
        }
        Optional<Path> onPath = findExecutable("redis-server");
        if (onPath.isPresent()) {
            return new RedisBinary(onPath.get(), true);
        }
        return embedded();
    }

    static Optional<Path> findExecutable(String name) {
        List<Path> directories = new ArrayList<>();
        String pathVariable = System.getenv("PATH");
        if (pathVariable != null) {
            for (String entry : pathVariable.split(java.io.File.pathSeparator)) {
                if (!entry.isBlank()) {
                    directories.add(Path.of(entry));
                }
            }
        }
        directories.addAll(COMMON_DIRECTORIES);
        return directories.stream()
                .map(directory -> directory.resolve(name))
                .filter(candidate -> Files.isRegularFile(candidate) && Files.isExecutable(candidate))
                .findFirst();
    }

    private static String readVersion(Path path) {
        try {
            Process process = new ProcessBuilder(path.toString(), "--version").redirectErrorStream(true).start();
            process.getOutputStream().close();
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException(path + " --version did not answer within 10 s");
            }
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            Matcher matcher = VERSION.matcher(output);
            if (process.exitValue() != 0 || !matcher.find()) {
                throw new IllegalStateException(path + " --version failed (exit " + process.exitValue() + "): " + output);
            }
            return matcher.group(1);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run " + path, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
