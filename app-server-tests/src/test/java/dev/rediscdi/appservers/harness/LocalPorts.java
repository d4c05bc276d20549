package dev.rediscdi.appservers.harness;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.Arrays;
import java.util.concurrent.ThreadLocalRandom;

/** Free TCP ports on 127.0.0.1, chosen when a server instance is laid out. */
final class LocalPorts {

    private static final int ATTEMPTS = 200;
    private static final int LOWEST_OFFSET = 1_000;
    private static final int HIGHEST_PORT = 60_000;
    private static final int REDIS_PORT = 6379;

    private LocalPorts() {
    }

    /** A port that is free now (never Redis' 6379). */
    static int free() {
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            try (ServerSocket socket = new ServerSocket()) {
                socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 1);
                if (socket.getLocalPort() != REDIS_PORT) {
                    return socket.getLocalPort();
                }
            } catch (IOException e) {
                throw new IllegalStateException("no free port on 127.0.0.1: " + e, e);
            }
        }
        throw new IllegalStateException("no free port on 127.0.0.1 in " + ATTEMPTS + " attempts");
    }

    /** An offset that makes every one of {@code basePorts} a free port (a WildFly socket-binding port offset). */
    static int freeOffset(int... basePorts) {
        int highest = 0;
        for (int port : basePorts) {
            highest = Math.max(highest, port);
        }
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            int offset = ThreadLocalRandom.current().nextInt(LOWEST_OFFSET, HIGHEST_PORT - highest);
            if (allFree(offset, basePorts)) {
                return offset;
            }
        }
        throw new IllegalStateException("no port offset found in " + ATTEMPTS + " attempts that frees all of "
                + Arrays.toString(basePorts) + " on 127.0.0.1");
    }

    private static boolean allFree(int offset, int... basePorts) {
        for (int port : basePorts) {
            if (port + offset == REDIS_PORT || !isFree(port + offset)) {
                return false;
            }
        }
        return true;
    }

    private static boolean isFree(int port) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 1);
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
