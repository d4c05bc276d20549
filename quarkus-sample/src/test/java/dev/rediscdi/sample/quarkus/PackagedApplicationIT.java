package dev.rediscdi.sample.quarkus;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs the packaged application as a person would, {@code java -jar target/quarkus-app/quarkus-run.jar} with no Redis
 * configured, so that the dev-redis module starts a redis-server for it; uses it over HTTP; stops it and checks that
 * the redis-server went with it, after the application (which logs no warning or error while it stops: its clients
 * are closed before their Redis goes). Runs in the integration-test phase (failsafe), after the Quarkus build goal.
 */
class PackagedApplicationIT {

    /** The line the dev-redis module logs when it starts its redis-server. */
    private static final Pattern STARTED_REDIS = Pattern.compile("listening on redis://127\\.0\\.0\\.1:(\\d+) \\(pid (\\d+)\\)");

    @TempDir
    Path temp;

    @Test
    @Timeout(value = 90, unit = TimeUnit.SECONDS)
    void runsWithADevRedisServerAndStopsIt() throws Exception {
        int port = SampleProcess.freePort();
        try (SampleProcess app = SampleProcess.start(port, temp.resolve("app.log"), Map.of())) {
            String log = app.output();
            Matcher started = STARTED_REDIS.matcher(log);
            assertThat(started.find()).as("the dev-redis module reports the redis-server it started; output:\n%s", log).isTrue();
            assertThat(started.group(1)).isNotEqualTo("6379");
            ProcessHandle redis = ProcessHandle.of(Long.parseLong(started.group(2))).orElseThrow();
            assertThat(redis.parent().map(ProcessHandle::pid)).as("redis-server is a child of the application").contains(app.process().pid());
            assertThat(log).contains(SampleProcess.READY + "http://127.0.0.1:" + port + "/");

            HttpResponse<String> index = app.send("GET", "/");
            assertThat(index.statusCode()).as(app.output()).isEqualTo(200);
            assertThat(index.body()).contains("<h1>Redis CDI on Quarkus</h1>").contains("new EventSource('/notifications')");
            assertThat(app.send("GET", "/shop").body()).contains("action=\"/shop/login\"");
            HttpResponse<String> miss = app.send("GET", "/products/tea");
            HttpResponse<String> hit = app.send("GET", "/products/tea");
            assertThat(miss.statusCode()).as(app.output()).isEqualTo(200);
            assertThat(miss.headers().firstValue("X-Cache")).contains("miss");
            assertThat(hit.headers().firstValue("X-Cache")).contains("hit");
            assertThat(hit.body()).contains("\"name\":\"Green tea\"");
            String page = "it-" + System.nanoTime();
            assertThat(app.send("GET", "/visits/" + page).body().trim()).isEqualTo("1");
            assertThat(app.send("GET", "/visits/" + page).body().trim()).isEqualTo("2");

            int beforeStop = app.output().length();
            app.stop();
            assertThat(app.output().substring(beforeStop)).as("what the application logged while it stopped")
                    .doesNotContain(" WARN ").doesNotContain(" ERROR ").contains("stopped in");
            assertThat(redis.onExit().toCompletableFuture().completeOnTimeout(null, 5, TimeUnit.SECONDS).get())
                    .as("redis-server pid %d still running after the application stopped", redis.pid()).isNotNull();
            assertThat(redis.isAlive()).isFalse();
        }
    }

}
