package dev.rediscdi.session.it;

import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.rediscdi.testing.RedisServer;

/** The session stores' invalidation connections on a Redis server, as its CLIENT LIST shows them. */
final class InvalidationConnections {
    private static final Pattern ID = Pattern.compile("^id=(\\d+) .*name=redis-session-invalidations .*flags=\\S*t", Pattern.MULTILINE);

    private InvalidationConnections() {
    }

    /** The ids of the connections that track keys for a session store. */
    static List<String> ids(RedisServer server) {
        Matcher matcher = ID.matcher(server.command("CLIENT", "LIST"));
        return matcher.results().map(match -> match.group(1)).toList();
    }

    /** Waits until this many stores track keys on the server. */
    static void awaitTracking(RedisServer server, int stores) {
        try {
            Eventually.until(Duration.ofSeconds(10), () -> ids(server).size() >= stores, stores + " session stores tracking keys on " + server);
        } catch (AssertionError notYet) {
            throw new AssertionError(notYet.getMessage() + "; CLIENT LIST:\n" + server.command("CLIENT", "LIST"), notYet);
        }
    }

    /** Closes every invalidation connection on the server, as a network failure would; returns how many. */
    static int killAll(RedisServer server) {
        List<String> ids = ids(server);
        for (String id : ids) {
            server.command("CLIENT", "KILL", "ID", id);
        }
        return ids.size();
    }
}
