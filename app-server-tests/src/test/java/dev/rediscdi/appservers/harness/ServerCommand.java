package dev.rediscdi.appservers.harness;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** A command line, its working directory and the environment variables it needs besides the application's. */
record ServerCommand(List<String> arguments, Path workingDirectory, Map<String, String> environment) {

    static Path java() {
        return Path.of(System.getProperty("java.home"), "bin", "java");
    }
}
