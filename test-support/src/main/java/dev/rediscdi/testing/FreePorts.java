package dev.rediscdi.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** Free TCP ports on 127.0.0.1; never 6379, never one already handed out by this JVM. */
final class FreePorts {

    static final int REDIS_DEFAULT_PORT = 6379;
    private static final Set<Integer> HANDED_OUT = ConcurrentHashMap.newKeySet();

    private FreePorts() {
    }

    static int next() {
        IOException failure = null;
        for (int attempt = 0; attempt < 100; attempt++) {
            try (ServerSocket socket = new ServerSocket()) {
                socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 1);
                int port = socket.getLocalPort();
                if (port != REDIS_DEFAULT_PORT && HANDED_OUT.add(port)) {
                    return port;
                }
            } catch (IOException e) {
                failure = e;
            }
        }
        throw new UncheckedIOException("no free port on 127.0.0.1",
                failure != null ? failure : new IOException("only ports already handed out were offered"));
    }
}
