package dev.rediscdi.sample.quarkus;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** A server-sent event stream as a browser reads it: the {@code data:} of each event, read on a thread of its own. */
public final class ServerSentEvents implements AutoCloseable {

    private final BlockingQueue<String> data = new LinkedBlockingQueue<>();
    private final InputStream body;
    private final Thread reader;

    public ServerSentEvents(URI uri) throws IOException, InterruptedException {
        HttpResponse<InputStream> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(uri)
                .header("Accept", "text/event-stream").timeout(Duration.ofSeconds(10)).GET().build(),
                HttpResponse.BodyHandlers.ofInputStream());
        assertThat(response.statusCode()).isEqualTo(200);
        body = response.body();
        reader = new Thread(this::read, "sse-reader");
        reader.setDaemon(true);
        reader.start();
    }

    private void read() {
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8))) {
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                if (line.startsWith("data:")) {
                    data.add(line.substring("data:".length()));
                }
            }
        } catch (IOException closed) {
            data.add("(stream closed: " + closed + ")");
        }
    }

    /** The next event's data; fails if none comes within {@code within}. */
    public String next(Duration within) throws InterruptedException {
        String event = poll(within);
        assertThat(event).as("an event within %s", within).isNotNull();
        return event;
    }

    /** The next event's data, or null if none came within {@code within}. */
    public String poll(Duration within) throws InterruptedException {
        return data.poll(within.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public void close() throws IOException, InterruptedException {
        body.close();
        reader.join(TimeUnit.SECONDS.toMillis(5));
    }
}
