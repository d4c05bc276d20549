package dev.rediscdi.internal.client;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

import dev.rediscdi.ReplyType;
import io.vertx.core.buffer.Buffer;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.Request;

/** Builds driver requests from a command name and plain Java arguments. */
public final class Requests {
    private static final int MAX_CACHED_NAMES = 1024;
    private static final Map<String, Command> COMMANDS = new ConcurrentHashMap<>();

    private Requests() {
    }

    public static Request of(String command, Object... args) {
        Objects.requireNonNull(command, "command");
        if (command.isBlank()) {
            throw new IllegalArgumentException("command is blank: give a Redis command name such as \"GET\"");
        }
        // Command.create returns the driver's shared instance for known commands (with their key positions,
        // which cluster routing needs) and a generic one for module commands.
        Request request = Request.cmd(command(command));
        if (args == null) {
            return request;
        }
        for (int i = 0; i < args.length; i++) {
            addArgument(request, command, i, args[i]);
        }
        return request;
    }

    /** Checks a reply type before anything is sent. */
    static <T> ReplyType<T> required(ReplyType<T> replyType) {
        if (replyType == null) {
            throw new IllegalArgumentException("replyType is null: pass one of the ReplyType constants, e.g. ReplyType.STRING");
        }
        return replyType;
    }

    private static Command command(String name) {
        Command known = COMMANDS.get(name);
        if (known != null) {
            return known;
        }
        // upper case: the driver finds known commands whatever their case, but makes an unknown one (a module's, or
        // one newer than the driver) by its name as given, and the client's refusals match such commands by name
        Command created = Command.create(name.trim().toUpperCase(java.util.Locale.ROOT));
        if (COMMANDS.size() < MAX_CACHED_NAMES) { // names come from code, but never let them grow without bound
            COMMANDS.put(name, created);
        }
        return created;
    }

    private static void addArgument(Request request, String command, int index, Object arg) {
        if (arg instanceof String text) {
            request.arg(text);
        } else if (arg instanceof byte[] bytes) {
            request.arg(bytes);
        } else if (arg instanceof Buffer buffer) {
            request.arg(buffer);
        } else if (arg instanceof Long || arg instanceof Integer || arg instanceof Short || arg instanceof Byte) {
            request.arg(((Number) arg).longValue());
        } else if (arg instanceof Double number) {
            request.arg(number.doubleValue());
        } else if (arg instanceof Float number) { // its own text: widened to a double, 0.1f would be 0.10000000149011612
            request.arg(number.toString());
        } else if (arg instanceof BigInteger || arg instanceof BigDecimal) {
            request.arg(arg.toString());
        } else if (arg instanceof Boolean flag) {
            request.arg(flag);
        } else if (arg == null) {
            throw new IllegalArgumentException(command + ": argument " + index + " is null; Redis has no null argument: "
                    + "leave it out or send an empty string");
        } else {
            throw new IllegalArgumentException(command + ": argument " + index + " is a " + arg.getClass().getName()
                    + "; pass a String, byte[], Buffer, Number or Boolean (encode objects first)");
        }
    }
}
