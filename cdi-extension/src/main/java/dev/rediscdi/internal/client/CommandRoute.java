package dev.rediscdi.internal.client;

import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import io.vertx.redis.client.Command;
import io.vertx.redis.client.Request;

/** Where a command runs: on the shared pipelined connections, on a pooled connection of its own, or nowhere. */
enum CommandRoute {
    /** Ordinary commands: pipelined with everyone else's. */
    PIPELINED,
    /** Commands that block the connection server-side: a pooled connection each, and no client deadline. */
    OWN_CONNECTION;

    private static final Map<String, String> REFUSED_BY_NAME = Map.ofEntries(
            Map.entry("SELECT", "it would switch the database of a shared connection: put the database in the URI, redis://host:port/1"),
            Map.entry("AUTH", "credentials are set by the password and username properties"),
            Map.entry("HELLO", "the protocol is set by the protocol property"),
            Map.entry("QUIT", "connections are managed by the client"),
            Map.entry("RESET", "connections are managed by the client"),
            Map.entry("SUBSCRIBE", "use RedisClient.subscribe(...)"),
            Map.entry("PSUBSCRIBE", "use RedisClient.psubscribe(...)"),
            Map.entry("SSUBSCRIBE", "use RedisClient.ssubscribe(...)"),
            Map.entry("UNSUBSCRIBE", "use Subscription.unsubscribe()"),
            Map.entry("PUNSUBSCRIBE", "use Subscription.unsubscribe()"),
            Map.entry("SUNSUBSCRIBE", "use Subscription.unsubscribe()"),
            Map.entry("MONITOR", "it takes over the connection: run it with redis-cli"),
            Map.entry("MULTI", "a transaction needs a connection of its own: use RedisClient.withConnection(...)"),
            Map.entry("EXEC", "a transaction needs a connection of its own: use RedisClient.withConnection(...)"),
            Map.entry("DISCARD", "a transaction needs a connection of its own: use RedisClient.withConnection(...)"),
            Map.entry("WATCH", "a transaction needs a connection of its own: use RedisClient.withConnection(...)"),
            Map.entry("UNWATCH", "a transaction needs a connection of its own: use RedisClient.withConnection(...)"),
            Map.entry("WAIT", "WAIT counts only the writes of its own connection: send the writes and WAIT inside RedisClient.withConnection(...)"),
            Map.entry("WAITAOF", "WAITAOF counts only the writes of its own connection, and would block the shared one: send the writes "
                    + "and WAITAOF inside RedisClient.withConnection(...)"));

    // Command.create returns the driver's single instance of every known command: lookups by instance are exact and
    // cheap, where the driver's hashCode hashes all of a command's fields on every call (every command sent asks both)
    private static final Map<Command, String> REFUSED = new IdentityHashMap<>();
    private static final Set<Command> BLOCKING = Collections.newSetFromMap(new IdentityHashMap<>());

    /**
     * Refused names the driver does not know (WAITAOF, newer than it): {@code Command.create} gives each call a new
     * instance, spelled as the application wrote it, which no lookup by instance finds.
     */
    private static final List<String> REFUSED_UNKNOWN_TO_DRIVER = REFUSED_BY_NAME.keySet().stream()
            .filter(name -> Command.create(name) != Command.create(name)).sorted().toList();

    static {
        REFUSED_BY_NAME.forEach((name, reason) -> REFUSED.put(Command.create(name), reason));
        Stream.of("BLPOP", "BRPOP", "BRPOPLPUSH", "BLMOVE", "BLMPOP", "BZPOPMIN", "BZPOPMAX", "BZMPOP").map(Command::create).forEach(BLOCKING::add);
    }

    /** Checks the command may be sent through the shared client, and says where it runs. */
    static CommandRoute of(Request request) {
        Command command = request.command();
        String refusal = REFUSED.get(command);
        if (refusal == null) {
            refusal = refusalOfUnknown(command);
        }
        if (refusal != null) {
            throw new IllegalArgumentException(command.toString().toUpperCase(Locale.ROOT) + " cannot be sent through RedisClient: " + refusal);
        }
        String changed = changesReplies(request);
        if (changed != null) {
            throw new IllegalArgumentException("CLIENT " + changed + " cannot be sent through RedisClient: it changes the replies of a "
                    + "connection every caller shares (with RESP3 the driver gives a tracking message the place of the next "
                    + "caller's reply). Fix: open a connection of your own from the io.vertx.redis.client.Redis bean");
        }
        return blocks(request) ? OWN_CONNECTION : PIPELINED;
    }

    private static String refusalOfUnknown(Command command) {
        String name = command.toString();
        for (String refused : REFUSED_UNKNOWN_TO_DRIVER) {
            if (refused.equalsIgnoreCase(name)) { // unequal lengths answer at once: a known command pays a comparison of lengths
                return REFUSED_BY_NAME.get(refused);
            }
        }
        return null;
    }

    /**
     * {@code TRACKING} or {@code REPLY} for a {@code CLIENT} command that changes what the connection answers (push
     * messages between replies, or no replies at all), else {@code null}.
     */
    static String changesReplies(Request request) {
        if (request.command() != Command.CLIENT) {
            return null;
        }
        String encoded = request.toString().toUpperCase(Locale.ROOT);
        int name = encoded.indexOf("CLIENT\r\n");
        if (name < 0) {
            return null;
        }
        String rest = encoded.substring(name + "CLIENT\r\n".length());
        if (rest.startsWith("$8\r\nTRACKING\r\n")) {
            return "TRACKING";
        }
        return rest.startsWith("$5\r\nREPLY\r\n") ? "REPLY" : null;
    }

    /** Whether the command blocks its connection server-side (and so must not get the client's deadline). */
    static boolean blocks(Request request) {
        Command command = request.command();
        return BLOCKING.contains(command)
                || ((command == Command.XREAD || command == Command.XREADGROUP) && hasBlockOption(request));
    }

    private static boolean hasBlockOption(Request request) {
        // Request keeps its arguments RESP-encoded and has no accessor: look for an argument that is exactly BLOCK.
        // A key named "block" routes the command to its own connection too, which is correct, only slower.
        return request.toString().toUpperCase(Locale.ROOT).contains("\r\n$5\r\nBLOCK\r\n");
    }
}
