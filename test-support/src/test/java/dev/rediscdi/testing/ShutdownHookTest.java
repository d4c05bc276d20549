package dev.rediscdi.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

class ShutdownHookTest {

    @Test
    void serversLeftRunningAreKilledWhenTheJvmExits() throws Exception {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process jvm = new ProcessBuilder(java.toString(), "-cp", System.getProperty("java.class.path"),
                AbandonedServerMain.class.getName())
                .redirectErrorStream(true)
                .start();
        jvm.getOutputStream().close();
        boolean exited = jvm.waitFor(30, TimeUnit.SECONDS);
        if (!exited) {
            jvm.destroyForcibly();
        }
        String output = new String(jvm.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(exited).as(output).isTrue();
        assertThat(jvm.exitValue()).as(output).isZero();

        List<String> lines = output.lines().filter(line -> line.matches("\\d+ .+")).toList();
        assertThat(lines).as(output).hasSize(2);
        for (String line : lines) {
            long pid = Long.parseLong(line.substring(0, line.indexOf(' ')));
            Path directory = Path.of(line.substring(line.indexOf(' ') + 1));
            assertThat(ProcessHandle.of(pid).map(ProcessHandle::isAlive)).as("pid %s", pid)
                    .isNotEqualTo(Optional.of(true));
            assertThat(Files.exists(directory)).as("%s", directory).isFalse();
        }
    }
}
