package dev.rediscdi.appservers.harness;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;

/** A server's log (or captured console): what was written since a mark, and its last lines for failure messages. */
final class LogFile {

    private static final int MAX_READ = 4 * 1024 * 1024;
    private static final int TAIL_BYTES = 256 * 1024;

    private final Path path;

    LogFile(Path path) {
        this.path = path;
    }

    Path path() {
        return path;
    }

    /** The current size: where what is written next starts. */
    long mark() {
        try {
            return Files.exists(path) ? Files.size(path) : 0;
        } catch (IOException e) {
            return 0;
        }
    }

    /** What was written since {@code mark} (at most the first 4 MiB of it). */
    String since(long mark) {
        if (!Files.exists(path)) {
            return "";
        }
        try (RandomAccessFile file = new RandomAccessFile(path.toFile(), "r")) {
            long length = Math.min(file.length() - mark, MAX_READ);
            if (length <= 0) {
                return "";
            }
            byte[] bytes = new byte[(int) length];
            file.seek(mark);
            file.readFully(bytes);
            return new String(bytes, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "(cannot read " + path + ": " + e + ")";
        }
    }

    /** The last {@code lines} lines, headed by the file name. */
    String tail(int lines) {
        Deque<String> last = new ArrayDeque<>();
        for (String line : since(Math.max(0, mark() - TAIL_BYTES)).split("\n")) {
            if (last.size() == lines) {
                last.removeFirst();
            }
            last.addLast(line);
        }
        return "--- last " + last.size() + " lines of " + path + " ---\n" + String.join("\n", last) + "\n";
    }
}
