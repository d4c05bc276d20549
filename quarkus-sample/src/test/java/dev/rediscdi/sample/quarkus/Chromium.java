package dev.rediscdi.sample.quarkus;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Debian's headless Chromium driven through its {@code chromedriver}. Installed with apt-get when absent and the
 * tests run as root (CI's {@code .ci/run} installs it beforehand); otherwise the calling test is skipped, saying how to
 * install it.
 */
public final class Chromium {

    static final Path BROWSER = Path.of("/usr/bin/chromium");
    static final Path DRIVER = Path.of("/usr/bin/chromedriver");
    private static final Duration INSTALL = Duration.ofMinutes(10);
    /** What this machine needs: no sandbox as root, no GPU, and no background traffic to a network it does not have. */
    private static final List<String> FLAGS = List.of("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
            "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
            "--disable-dev-shm-usage", "--window-size=1280,900");

    private Chromium() {
    }

    /** Skips the calling test unless Chromium and its driver are installed, or could be installed now. */
    public static void assumeInstalled(Path log) throws IOException, InterruptedException {
        if (installed()) {
            return;
        }
        Assumptions.assumeTrue(Files.isExecutable(Path.of("/usr/bin/apt-get")) && isRoot(),
                "Browser test skipped: " + BROWSER + " and " + DRIVER + " are not installed and this user cannot install them."
                        + " Install Debian's packages: sudo apt-get install chromium chromium-driver");
        boolean done = run(log, "apt-get", "update", "-qq")
                && run(log, "apt-get", "install", "-y", "-qq", "--no-install-recommends", "chromium", "chromium-driver");
        Assumptions.assumeTrue(done && installed(), () -> "Browser test skipped: apt-get install chromium chromium-driver failed:\n"
                + tail(log));
    }

    /** A fresh headless browser with its own empty profile in {@code profile}. */
    public static ChromeDriver start(Path profile, Path driverLog) {
        ChromeOptions options = new ChromeOptions().setBinary(BROWSER.toFile());
        options.addArguments(FLAGS);
        options.addArguments("--user-data-dir=" + profile.toAbsolutePath());
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(DRIVER.toFile())
                .usingAnyFreePort()
                .withLogFile(driverLog.toFile())
                .build();
        return new ChromeDriver(service, options);
    }

    private static boolean installed() {
        return Files.isExecutable(BROWSER) && Files.isExecutable(DRIVER);
    }

    private static boolean isRoot() throws IOException, InterruptedException {
        Process id = new ProcessBuilder("id", "-u").redirectErrorStream(true).start();
        String uid = new String(id.getInputStream().readAllBytes()).trim();
        return id.waitFor(10, TimeUnit.SECONDS) && "0".equals(uid);
    }

    private static boolean run(Path log, String... command) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.environment().put("DEBIAN_FRONTEND", "noninteractive");
        Process process = builder.start();
        if (!process.waitFor(INSTALL.toSeconds(), TimeUnit.SECONDS)) {
            process.destroyForcibly();
            return false;
        }
        return process.exitValue() == 0;
    }

    private static String tail(Path log) {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 20), lines.size()));
        } catch (IOException e) {
            return "(no output: " + e + ")";
        }
    }
}
