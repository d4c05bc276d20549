package dev.rediscdi.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.JarURLConnection;
import java.net.URL;
import java.net.URLConnection;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.jar.JarFile;

/** Extracts the redis-server binary that the embedded-redis jar ships for this OS and architecture. */
final class EmbeddedRedisBinary {

    /** A class file of the embedded-redis jar, used to find the jar. */
    private static final String MARKER = "redis/embedded/Redis.class";
    /** The binaries that embedded-redis 1.4.4 ships, used if the jar cannot be listed. */
    private static final List<String> KNOWN = List.of(
            "redis-server-6.2.6-v5-linux-amd64", "redis-server-6.2.7-linux-arm64", "redis-server-6.2.7-linux-386",
            "redis-server-6.2.6-v5-darwin-amd64", "redis-server-6.2.6-v5-darwin-arm64");

    private static Path extracted;

    private EmbeddedRedisBinary() {
    }

    static synchronized Path extract() {
        if (extracted != null && Files.isExecutable(extracted)) {
            return extracted;
        }
        String suffix = "-" + os() + "-" + arch();
        String resource = candidates().stream()
                .filter(name -> name.startsWith("redis-server-") && name.endsWith(suffix))
                .max(Comparator.naturalOrder())
                .orElseThrow(() -> new IllegalStateException("the embedded-redis jar has no redis-server for "
                        + System.getProperty("os.name") + "/" + System.getProperty("os.arch")
                        + ": install redis-server or set " + RedisBinary.OVERRIDE));
        try (InputStream in = EmbeddedRedisBinary.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " not found on the class path");
            }
            Path directory = Files.createTempDirectory("redis-cdi-embedded-");
            directory.toFile().deleteOnExit();
            Path binary = directory.resolve(resource);
            Files.copy(in, binary);
            binary.toFile().deleteOnExit();
            if (!binary.toFile().setExecutable(true, true)) {
                throw new IllegalStateException("cannot make " + binary + " executable");
            }
            extracted = binary;
            return binary;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot extract " + resource, e);
        }
    }

    private static List<String> candidates() {
        List<String> names = new ArrayList<>();
        URL marker = EmbeddedRedisBinary.class.getClassLoader().getResource(MARKER);
        if (marker != null && "jar".equals(marker.getProtocol())) {
            try {
                URLConnection connection = marker.openConnection();
                connection.setUseCaches(false);
                try (JarFile jar = ((JarURLConnection) connection).getJarFile()) {
                    jar.stream().filter(entry -> !entry.isDirectory() && !entry.getName().contains("/"))
                            .forEach(entry -> names.add(entry.getName()));
                }
            } catch (IOException | ClassCastException e) {
                // fall back to the known names
            }
        }
        if (names.isEmpty()) {
            names.addAll(KNOWN);
        }
        return names;
    }

    private static String os() {
        String name = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        if (name.contains("linux")) {
            return "linux";
        }
        if (name.contains("mac") || name.contains("darwin")) {
            return "darwin";
        }
        return name;
    }

    private static String arch() {
        String arch = System.getProperty("os.arch", "").toLowerCase(Locale.ROOT);
        switch (arch) {
            case "amd64":
            case "x86_64":
                return "amd64";
            case "aarch64":
            case "arm64":
                return "arm64";
            case "x86":
            case "i386":
            case "i486":
            case "i586":
            case "i686":
                return "386";
            default:
                return arch;
        }
    }
}
