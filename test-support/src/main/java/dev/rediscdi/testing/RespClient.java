package dev.rediscdi.testing;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;

/**
 * A minimal RESP2 client: one fresh connection per call, optional TLS and AUTH, whole call bounded by a
 * timeout. Replies: simple and bulk strings as Java strings, integers as {@code Long}, arrays as lists,
 * nil as {@code null}; an error reply is thrown as {@link RedisCommandException} (inside an array it is kept).
 */
final class RespClient {

    private final String host;
    private final int port;
    private final SSLContext ssl;
    private final Duration timeout;

    RespClient(String host, int port, SSLContext ssl, Duration timeout) {
        this.host = host;
        this.port = port;
        this.ssl = ssl;
        this.timeout = timeout;
    }

    /** Sends {@code AUTH} if credentials have a password, then the command; returns the decoded reply. */
    Object call(Credentials credentials, String... command) throws IOException {
        long deadline = System.nanoTime() + timeout.toNanos();
        try (Socket socket = connect(deadline)) {
            OutputStream out = socket.getOutputStream();
            InputStream in = new BufferedInputStream(socket.getInputStream());
            if (credentials.password() != null) {
                write(out, credentials.user() == null
                        ? new String[] {"AUTH", credentials.password()}
                        : new String[] {"AUTH", credentials.user(), credentials.password()});
                throwIfError(read(socket, in, deadline));
            }
            write(out, command);
            return throwIfError(read(socket, in, deadline));
        }
    }

    /** The reply as one string: arrays joined by '\n' (nil elements as "(nil)"), integers in decimal. */
    static String render(Object reply) {
        if (reply == null) {
            return null;
        }
        if (reply instanceof List<?> list) {
            return list.stream().map(element -> element == null ? "(nil)" : render(element))
                    .collect(Collectors.joining("\n"));
        }
        if (reply instanceof RedisCommandException error) {
            return "(error) " + error.error();
        }
        return reply.toString();
    }

    private Socket connect(long deadline) throws IOException {
        Socket socket = new Socket();
        try {
            socket.connect(new InetSocketAddress(host, port), remainingMillis(deadline));
            socket.setTcpNoDelay(true);
            if (ssl == null) {
                return socket;
            }
            socket.setSoTimeout(remainingMillis(deadline));
            SSLSocket tls = (SSLSocket) ssl.getSocketFactory().createSocket(socket, host, port, true);
            tls.startHandshake();
            return tls;
        } catch (IOException | RuntimeException e) {
            socket.close();
            throw e;
        }
    }

    private static void write(OutputStream out, String... command) throws IOException {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        buffer.writeBytes(("*" + command.length + "\r\n").getBytes(StandardCharsets.US_ASCII));
        for (String argument : command) {
            byte[] bytes = argument.getBytes(StandardCharsets.UTF_8);
            buffer.writeBytes(("$" + bytes.length + "\r\n").getBytes(StandardCharsets.US_ASCII));
            buffer.writeBytes(bytes);
            buffer.writeBytes(new byte[] {'\r', '\n'});
        }
        out.write(buffer.toByteArray());
        out.flush();
    }

    private static Object read(Socket socket, InputStream in, long deadline) throws IOException {
        socket.setSoTimeout(remainingMillis(deadline));
        return readReply(in);
    }

    private static Object readReply(InputStream in) throws IOException {
        int type = in.read();
        if (type < 0) {
            throw new EOFException("connection closed by the server");
        }
        String line = readLine(in);
        switch (type) {
            case '+':
                return line;
            case '-':
                return new RedisCommandException(line);
            case ':':
                return Long.parseLong(line);
            case '$': {
                int length = Integer.parseInt(line);
                if (length < 0) {
                    return null;
                }
                byte[] bytes = in.readNBytes(length);
                if (bytes.length < length || in.read() != '\r' || in.read() != '\n') {
                    throw new EOFException("truncated bulk string");
                }
                return new String(bytes, StandardCharsets.UTF_8);
            }
            case '*': {
                int count = Integer.parseInt(line);
                if (count < 0) {
                    return null;
                }
                List<Object> elements = new ArrayList<>(count);
                for (int i = 0; i < count; i++) {
                    elements.add(readReply(in));
                }
                return elements;
            }
            default:
                throw new IOException("unexpected RESP type '" + (char) type + "': " + line);
        }
    }

    private static String readLine(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        int previous = -1;
        while (true) {
            int b = in.read();
            if (b < 0) {
                throw new EOFException("connection closed by the server");
            }
            if (previous == '\r' && b == '\n') {
                byte[] bytes = line.toByteArray();
                return new String(bytes, 0, bytes.length - 1, StandardCharsets.UTF_8);
            }
            line.write(b);
            previous = b;
        }
    }

    private static Object throwIfError(Object reply) {
        if (reply instanceof RedisCommandException error) {
            throw new RedisCommandException(error.error());
        }
        return reply;
    }

    private static int remainingMillis(long deadline) throws IOException {
        long remaining = (deadline - System.nanoTime()) / 1_000_000;
        if (remaining <= 0) {
            throw new java.net.SocketTimeoutException("timed out");
        }
        return (int) Math.min(Integer.MAX_VALUE, remaining);
    }
}
