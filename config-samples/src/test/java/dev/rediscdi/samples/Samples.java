package dev.rediscdi.samples;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** The sample files as they ship: {@code samples/*.properties} on the class path (the module's own resources). */
final class Samples {
    static final String DIRECTORY = "samples";

    private Samples() {
    }

    /** The directory holding the samples: target/classes/samples when run by Maven. */
    static Path directory() {
        URL url = Samples.class.getClassLoader().getResource(DIRECTORY);
        if (url == null || !"file".equals(url.getProtocol())) {
            throw new IllegalStateException("samples/ is not a directory on the class path: " + url);
        }
        try {
            return Path.of(url.toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The names of every file in samples/, sorted. */
    static List<String> fileNames() {
        try (Stream<Path> files = Files.list(directory())) {
            return files.filter(Files::isRegularFile).map(file -> file.getFileName().toString()).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
