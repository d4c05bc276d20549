package dev.rediscdi.tests.faults;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.rediscdi.testing.RedisServer;

/** What a Redis server says about itself. */
final class Servers {
    private static final Pattern CONNECTED = Pattern.compile("connected_clients:(\\d+)");

    private Servers() {
    }

    static int connectedClients(RedisServer server) {
        String info = server.command("INFO", "clients");
        Matcher matcher = CONNECTED.matcher(info);
        if (!matcher.find()) {
            throw new AssertionError("no connected_clients in INFO: " + info);
        }
        return Integer.parseInt(matcher.group(1));
    }
}
