package dev.rediscdi.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A TCP proxy on a free loopback port in front of a server, that can make the connections it carries go silent
 * without closing them: what a network partition, a paused VM or a vanished container behind a stable address does
 * to a client. No FIN, no RST: the client sees its bytes accepted and no answer, ever. It can also cut them: replies
 * dropped for a moment, then a FIN ({@link #cutOpenConnections}).
 *
 * <pre>{@code
 * try (TcpProxy proxy = TcpProxy.to(server.port())) {
 *     // client on proxy.port() ...
 *     proxy.silenceOpenConnections(); // those connections now swallow everything; new ones are carried as before
 * }
 * }</pre>
 *
 * Plain blocking sockets and two threads per connection: a test proxy carries a handful of connections.
 */
public final class TcpProxy implements AutoCloseable {
    private final int targetPort;
    private final ServerSocket listener;
    private final List<Link> links = new CopyOnWriteArrayList<>();
    private final Thread acceptor;
    private volatile boolean closed;

    private TcpProxy(int targetPort) throws IOException {
        this.targetPort = targetPort;
        this.listener = new ServerSocket();
        listener.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        this.acceptor = new Thread(this::accept, "tcp-proxy-" + listener.getLocalPort());
        acceptor.setDaemon(true);
        acceptor.start();
    }

    /** A proxy to {@code 127.0.0.1:targetPort}, listening on a free loopback port. */
    public static TcpProxy to(int targetPort) {
        try {
            return new TcpProxy(targetPort);
        } catch (IOException e) {
            throw new IllegalStateException("could not open a proxy port for " + targetPort, e);
        }
    }

    /** The port clients connect to. */
    public int port() {
        return listener.getLocalPort();
    }

    /** {@code redis://127.0.0.1:<port>}. */
    public String uri() {
        return "redis://127.0.0.1:" + port();
    }

    /** Connections carried now and not closed. */
    public int openConnections() {
        return (int) links.stream().filter(link -> !link.closed).count();
    }

    /** Silenced connections that their client has closed (the proxy saw its end of the stream). */
    public int silencedConnectionsClosedByClient() {
        return (int) links.stream().filter(link -> link.silent && link.clientClosed).count();
    }

    /**
     * From now on the connections open at this moment drop every byte both ways and stay open; connections opened
     * later are carried normally.
     */
    public void silenceOpenConnections() {
        links.forEach(link -> link.silent = true);
    }

    /**
     * The connections open at this moment stop carrying the server's replies for {@code withheld}, then their client
     * side gets a FIN: a server, proxy or load balancer closing gracefully with replies still on their way, which are
     * lost. What the client sent until then still reaches the server.
     */
    public void cutOpenConnections(Duration withheld) throws InterruptedException {
        List<Link> open = links.stream().filter(link -> !link.closed && !link.cut).toList();
        open.forEach(link -> link.repliesDropped = true);
        Thread.sleep(withheld.toMillis());
        for (Link link : open) {
            link.cut = true;
            try {
                link.client.shutdownOutput();
            } catch (IOException alreadyClosed) {
                // the client closed it first: nothing left to cut
            }
        }
    }

    private void accept() {
        while (!closed) {
            try {
                Socket client = listener.accept();
                Socket server = new Socket(InetAddress.getLoopbackAddress(), targetPort);
                Link link = new Link(client, server);
                links.add(link);
                link.start();
            } catch (IOException e) {
                if (!closed) {
                    System.err.println("tcp proxy " + port() + ": " + e);
                }
            }
        }
    }

    /** Closes the listener and every connection. */
    @Override
    public void close() {
        closed = true;
        try {
            listener.close();
        } catch (IOException ignored) {
            // closing: nothing left to do with it
        }
        links.forEach(Link::close);
    }

    private static final class Link {
        private final Socket client;
        private final Socket server;
        private volatile boolean silent;
        private volatile boolean repliesDropped;
        private volatile boolean cut;
        private volatile boolean closed;
        private volatile boolean clientClosed;

        Link(Socket client, Socket server) {
            this.client = client;
            this.server = server;
        }

        void start() {
            pump(client, server, "up");
            pump(server, client, "down");
        }

        private void pump(Socket from, Socket to, String direction) {
            Thread thread = new Thread(() -> {
                byte[] buffer = new byte[16 * 1024];
                try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
                    int read;
                    while ((read = in.read(buffer)) >= 0) {
                        if (!silent && !(repliesDropped && from == server)) {
                            out.write(buffer, 0, read);
                            out.flush();
                        }
                    }
                    if (from == client) {
                        clientClosed = true;
                    }
                } catch (IOException endOfLink) {
                    if (from == client) {
                        clientClosed = true;
                    }
                } finally {
                    if (!silent) { // a silent link never closes by itself: that is the point
                        close();
                    }
                }
            }, "tcp-proxy-" + direction + "-" + from.getPort());
            thread.setDaemon(true);
            thread.start();
        }

        void close() {
            closed = true;
            try {
                client.close();
            } catch (IOException ignored) {
                // closing: nothing left to do with it
            }
            try {
                server.close();
            } catch (IOException ignored) {
                // closing: nothing left to do with it
            }
        }
    }
}
