package dev.rediscdi.internal.commands;

import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;

import dev.rediscdi.RedisDecodeException;
import dev.rediscdi.ScanArgs;
import dev.rediscdi.internal.codec.Codecs;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.Request;
import io.vertx.redis.client.Response;

/** What every command group shares: the sink, and the encoders of its keys and values. */
abstract class Group<K, V> {
    final CommandSink sink;
    final Codecs codecs;
    final Encoder<K> keys;
    final Encoder<V> values;

    Group(CommandSink sink, Codecs codecs, Type keyType, Type valueType) {
        this.sink = sink;
        this.codecs = codecs;
        this.keys = new Encoder<>(codecs, keyType, "key");
        this.values = valueType == null ? null : new Encoder<>(codecs, valueType, "value");
    }

    /** A request for {@code command} on {@code key}. */
    final Request on(Command command, K key) {
        Request request = Request.cmd(command);
        keys.add(request, key);
        return request;
    }

    /** Adds a text argument (a field, a group, an id...), refusing {@code null}, which the driver would write as the text "null". */
    static Request text(Request request, String what, String value) {
        if (value == null) {
            throw new IllegalArgumentException(name(request) + ": the " + what + " is null; give a " + what);
        }
        return request.arg(value);
    }

    /** Adds text arguments, at least one. */
    static Request texts(Request request, String what, String... values) {
        if (values == null || values.length == 0) {
            throw new IllegalArgumentException(name(request) + ": no " + what + " given; give at least one");
        }
        for (String value : values) {
            text(request, what, value);
        }
        return request;
    }

    /** Refuses a {@code null} options object with a message that says what to pass instead. */
    static void requireArgs(String method, Object args, String instead) {
        if (args == null) {
            throw new IllegalArgumentException(method + "(..): args is null; pass " + instead);
        }
    }

    /** Checks the options of a scan of one key's elements, which takes no type filter (Redis would answer a bare syntax error). */
    static ScanArgs elementScan(String command, ScanArgs args) {
        requireArgs(command.toLowerCase(java.util.Locale.ROOT), args, "new ScanArgs() for no options");
        if (args.filtersByType()) {
            throw new IllegalArgumentException(command + ": " + args + " filters by type, which applies to keys().scan(..) only; drop type(..)");
        }
        return args;
    }

    /** Refuses a {@code null} argument, which would otherwise fail as a NullPointerException naming no argument. */
    static <T> T required(String command, String what, T value, String instead) {
        if (value == null) {
            throw new IllegalArgumentException(command + ": " + what + " is null; give " + instead);
        }
        return value;
    }

    static String name(Request request) {
        return request.command().toString().toUpperCase(java.util.Locale.ROOT);
    }

    final <T> CompletionStage<T> send(Request request, Function<Response, T> decode) {
        return sink.send(request, decode);
    }

    /** Decodes a value read from {@code key}. */
    final V value(Response reply, Object key) {
        return values.decode(reply, key);
    }

    /**
     * Decodes the reply of {@code command}, which removed from Redis the values it answers (a pop, GETDEL, SET .. GET):
     * when one cannot be decoded, the failure carries the bytes of every value removed, which {@code removed} picks
     * out of the reply; without them those values would be lost.
     */
    static <T> Function<Response, T> removing(Command command, Function<Response, T> decode, Function<Response, List<Response>> removed) {
        return reply -> {
            try {
                return decode.apply(reply);
            } catch (RedisDecodeException undecodable) {
                List<byte[]> bytes = new ArrayList<>();
                for (Response value : removed.apply(reply)) {
                    if (value != null) {
                        bytes.add(value.toBytes());
                    }
                }
                throw new RedisDecodeException(undecodable.getMessage() + " " + command.toString().toUpperCase(java.util.Locale.ROOT)
                        + " removed " + bytes.size() + (bytes.size() == 1 ? " value" : " values") + " from Redis: their bytes, as Redis "
                        + "sent them, are in removedValues() of this exception; keep them from there, or they are lost",
                        undecodable.getCause(), bytes);
            }
        };
    }

    /** The reply itself, as the one value a command removed. */
    static List<Response> itself(Response reply) {
        return Collections.singletonList(reply);
    }

    /** Adds option arguments: strings, integers and doubles, as the option classes give them. */
    static Request options(Request request, List<Object> arguments) {
        for (Object argument : arguments) {
            if (argument instanceof String text) {
                request.arg(text);
            } else if (argument instanceof Long || argument instanceof Integer) {
                request.arg(((Number) argument).longValue());
            } else if (argument instanceof Double number) {
                request.arg(number.toString());
            } else {
                throw new IllegalStateException("unexpected option argument " + argument.getClass().getName());
            }
        }
        return request;
    }

    /** A double as Redis parses it ({@code Double.toString} gives {@code Infinity}, Redis wants {@code inf}). */
    static String number(double value) {
        if (Double.isNaN(value)) {
            throw new IllegalArgumentException("a score or increment is NaN: give a number");
        }
        return value == Double.POSITIVE_INFINITY ? "+inf" : value == Double.NEGATIVE_INFINITY ? "-inf" : Double.toString(value);
    }
}
