package dev.rediscdi.bench.sessions;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * One user's HTTP/1.1 keep-alive connection: {@code GET} with a cookie, status, {@code Set-Cookie} and body back.
 *
 * <p>Written here rather than taken from a library on purpose: the load generator shares the 2 cores with the
 * server under test and Redis, and {@code java.net.http.HttpClient} spent more CPU per request than Jetty serving
 * it from memory, which capped the in-memory server at the client's speed and squeezed every ratio towards 1.
 * A blocking socket per user costs one write and one read per request. It speaks only what the benchmark's
 * server sends: a status line, headers, and a body framed by {@code Content-Length} or chunked.
 */
final class KeepAliveConnection implements AutoCloseable {
    /** What one request got back. */
    record Reply(int status, String setCookie, String body) {
    }

    private final Socket socket;
    private final OutputStream out;
    private final InputStream in;
    private final String host;

    KeepAliveConnection(String host, int port) throws IOException {
        this.socket = new Socket(host, port);
        socket.setTcpNoDelay(true);
        socket.setSoTimeout(30_000);
        this.out = socket.getOutputStream();
        this.in = new BufferedInputStream(socket.getInputStream(), 8192);
        this.host = host + ":" + port;
    }

    Reply get(String path, String cookie) throws IOException {
        StringBuilder request = new StringBuilder(160).append("GET ").append(path).append(" HTTP/1.1\r\nHost: ").append(host).append("\r\n");
        if (cookie != null) {
            request.append("Cookie: ").append(cookie).append("\r\n");
        }
        out.write(request.append("\r\n").toString().getBytes(StandardCharsets.ISO_8859_1));
        out.flush();

        String statusLine = line();
        if (!statusLine.startsWith("HTTP/1.1 ") || statusLine.length() < 12) {
            throw new IOException("not an HTTP/1.1 status line: " + statusLine);
        }
        int status = Integer.parseInt(statusLine.substring(9, 12));
        int length = -1;
        boolean chunked = false;
        String setCookie = null;
        for (String header = line(); !header.isEmpty(); header = line()) {
            int colon = header.indexOf(':');
            String name = header.substring(0, colon).toLowerCase(Locale.ROOT);
            String value = header.substring(colon + 1).trim();
            switch (name) {
                case "content-length" -> length = Integer.parseInt(value);
                case "transfer-encoding" -> chunked = value.equalsIgnoreCase("chunked");
                case "set-cookie" -> setCookie = value;
                default -> {
                    // not needed
                }
            }
        }
        String body = chunked ? chunkedBody() : new String(in.readNBytes(Math.max(length, 0)), StandardCharsets.UTF_8);
        return new Reply(status, setCookie, body);
    }

    private String chunkedBody() throws IOException {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        for (int size = Integer.parseInt(line().trim(), 16); size > 0; size = Integer.parseInt(line().trim(), 16)) {
            body.write(in.readNBytes(size));
            line();
        }
        line();
        return body.toString(StandardCharsets.UTF_8);
    }

    private String line() throws IOException {
        StringBuilder line = new StringBuilder(64);
        for (int b = in.read(); b != '\n'; b = in.read()) {
            if (b < 0) {
                throw new IOException("the server closed the connection");
            }
            if (b != '\r') {
                line.append((char) b);
            }
        }
        return line.toString();
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
