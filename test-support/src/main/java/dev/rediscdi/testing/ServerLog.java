package dev.rediscdi.testing;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;

/** Reads a redis-server log file (and the captured stdout/stderr) from an offset, or its last lines. */
final class ServerLog {

    static final int TAIL_LINES = 100;

    private final Path logFile;
    private final Path outputFile;

    ServerLog(Path logFile, Path outputFile) {
        this.logFile = logFile;
        this.outputFile = outputFile;
    }

    Path logFile() {
        return logFile;
    }

    Path outputFile() {
        return outputFile;
    }

    /** Current sizes of both files: the start of what a new process writes. */
    long[] mark() {
        return new long[] {size(logFile), size(outputFile)};
    }

    /** What was written to both files since {@code mark}. */
    String since(long[] mark) {
        return read(logFile, mark[0]) + read(outputFile, mark[1]);
    }

    /** The last lines of the log, then the last lines of stdout/stderr if there are any. */
    String tail() {
        String log = lastLines(read(logFile, Math.max(0, size(logFile) - 64 * 1024)), TAIL_LINES);
        String output = lastLines(read(outputFile, Math.max(0, size(outputFile) - 16 * 1024)), 20);
        StringBuilder tail = new StringBuilder(log);
        if (!output.isBlank()) {
            tail.append("--- stdout/stderr ---\n").append(output);
        }
        return tail.toString();
    }

    private static long size(Path file) {
        try {
            return Files.exists(file) ? Files.size(file) : 0;
        } catch (IOException e) {
            return 0;
        }
    }

    private static String read(Path file, long offset) {
        if (!Files.exists(file)) {
            return "";
        }
        try (RandomAccessFile in = new RandomAccessFile(file.toFile(), "r")) {
            long length = in.length() - offset;
            if (length <= 0) {
                return "";
            }
            byte[] bytes = new byte[(int) Math.min(length, 8 * 1024 * 1024)];
            in.seek(offset);
            in.readFully(bytes);
            return new String(bytes, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
    }

    private static String lastLines(String text, int count) {
        Deque<String> lines = new ArrayDeque<>();
        for (String line : text.split("\n")) {
            if (lines.size() == count) {
                lines.removeFirst();
            }
            lines.addLast(line);
        }
        StringBuilder result = new StringBuilder();
        for (String line : lines) {
            if (!line.isEmpty()) {
                result.append(line).append('\n');
            }
        }
        return result.toString();
    }
}
