package dev.rediscdi.internal.client;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import io.vertx.redis.client.Command;
import io.vertx.redis.client.Request;

/** How long a blocking command may block, read from its own arguments. */
final class BlockTimeout {
    /** The command blocks until it is served: no deadline. */
    static final long FOREVER = 0;
    /** Its timeout could not be read: no deadline either, as before a timeout was read at all. */
    static final long UNKNOWN = -1;

    private BlockTimeout() {
    }

    /** The block timeout in nanoseconds, {@link #FOREVER} or {@link #UNKNOWN}. */
    static long nanosOf(Request request) {
        List<String> args;
        try {
            args = arguments(request);
        } catch (RuntimeException unreadable) {
            return UNKNOWN;
        }
        if (args.isEmpty()) {
            return UNKNOWN;
        }
        Command command = request.command();
        try {
            if (command == Command.XREAD || command == Command.XREADGROUP) {
                for (int i = 0; i < args.size() - 1; i++) {
                    if ("BLOCK".equals(args.get(i).toUpperCase(Locale.ROOT))) {
                        return Long.parseLong(args.get(i + 1)) * 1_000_000L;
                    }
                }
                return UNKNOWN;
            }
            // BLMPOP and BZMPOP give the timeout first; the others (BLPOP, BRPOP, BLMOVE, BZPOPMIN, ...) last
            String seconds = command == Command.BLMPOP || command == Command.BZMPOP ? args.get(0) : args.get(args.size() - 1);
            return (long) (Double.parseDouble(seconds) * 1_000_000_000L);
        } catch (NumberFormatException notANumber) { // Redis will refuse it and say why
            return UNKNOWN;
        }
    }

    /**
     * The arguments of a request. Request keeps them RESP-encoded with no accessor; its {@code toString()} is
     * that encoding: {@code *<n>} then {@code $<len>} and the bytes of the command and each argument.
     */
    static List<String> arguments(Request request) {
        // toString() decodes the encoding as UTF-8: re-encoding it is exact for text (timeouts, BLOCK are ASCII)
        byte[] resp = request.toString().getBytes(StandardCharsets.UTF_8);
        List<String> parts = new ArrayList<>();
        int at = 0;
        while (at < resp.length) {
            if (resp[at] != '$') {
                at = lineEnd(resp, at) + 2;
                continue;
            }
            int end = lineEnd(resp, at);
            int length = Integer.parseInt(new String(resp, at + 1, end - at - 1, StandardCharsets.US_ASCII));
            parts.add(new String(resp, end + 2, length, StandardCharsets.UTF_8));
            at = end + 2 + length + 2;
        }
        return parts.isEmpty() ? parts : parts.subList(1, parts.size()); // without the command itself
    }

    private static int lineEnd(byte[] resp, int from) {
        for (int i = from; i < resp.length - 1; i++) {
            if (resp[i] == '\r' && resp[i + 1] == '\n') {
                return i;
            }
        }
        return resp.length;
    }
}
