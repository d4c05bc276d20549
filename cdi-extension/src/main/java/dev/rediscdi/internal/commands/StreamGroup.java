package dev.rediscdi.internal.commands;

import java.lang.reflect.Type;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionStage;

import dev.rediscdi.AutoClaimResult;
import dev.rediscdi.PendingMessage;
import dev.rediscdi.PendingSummary;
import dev.rediscdi.RedisDecodeException;
import dev.rediscdi.StreamCommands;
import dev.rediscdi.StreamMessage;
import dev.rediscdi.StreamTrim;
import dev.rediscdi.XAddArgs;
import dev.rediscdi.XPendingArgs;
import dev.rediscdi.XReadArgs;
import dev.rediscdi.internal.codec.Codecs;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.Request;
import io.vertx.redis.client.Response;

final class StreamGroup<K, V> extends Group<K, V> implements StreamCommands<K, V> {
    private static final XAddArgs NO_OPTIONS = new XAddArgs();

    StreamGroup(CommandSink sink, Codecs codecs, Type keyType, Type valueType) {
        super(sink, codecs, keyType, valueType);
    }

    @Override
    public CompletionStage<String> xadd(K key, Map<String, V> fields) {
        return xadd(key, NO_OPTIONS, fields);
    }

    @Override
    public CompletionStage<String> xadd(K key, XAddArgs args, Map<String, V> fields) {
        requireArgs("xadd", args, "new XAddArgs() for no options");
        if (fields == null || fields.isEmpty()) {
            throw new IllegalArgumentException("XADD: fields are empty; give at least one field and value");
        }
        Request request = options(on(Command.XADD, key), args.arguments());
        fields.forEach((field, value) -> {
            text(request, "field", field);
            values.add(request, value);
        });
        return send(request, Replies::toText);
    }

    @Override
    public CompletionStage<Long> xlen(K key) {
        return send(on(Command.XLEN, key), Replies::toLong);
    }

    @Override
    public CompletionStage<List<StreamMessage<K, V>>> xrange(K key, String start, String end, long count) {
        return send(text(text(on(Command.XRANGE, key), "start id", start), "end id", end).arg("COUNT").arg(count), reply -> messages(key, reply));
    }

    @Override
    public CompletionStage<List<StreamMessage<K, V>>> xread(Map<K, String> idsByStream, XReadArgs args) {
        requireArgs("xread", args, "new XReadArgs() for no options");
        if (args.noAckRequested()) {
            throw new IllegalArgumentException("XREAD: noAck() applies to xreadgroup only (XREAD acknowledges nothing); drop it");
        }
        Request request = options(Request.cmd(Command.XREAD), args.arguments());
        streams(request, idsByStream);
        Map<String, K> asked = asked(Command.XREAD, idsByStream);
        return send(request, reply -> streamsReply(reply, asked));
    }

    @Override
    public CompletionStage<Void> xgroupCreate(K key, String group, String from, boolean mkStream) {
        Request request = Request.cmd(Command.XGROUP).arg("CREATE");
        keys.add(request, key);
        text(text(request, "group", group), "id", from);
        if (mkStream) {
            request.arg("MKSTREAM");
        }
        return send(request, Replies::none);
    }

    @Override
    public CompletionStage<List<StreamMessage<K, V>>> xreadgroup(String group, String consumer, Map<K, String> idsByStream, XReadArgs args) {
        requireArgs("xreadgroup", args, "new XReadArgs() for no options");
        Request request = options(text(text(Request.cmd(Command.XREADGROUP).arg("GROUP"), "group", group), "consumer", consumer), args.arguments());
        if (args.noAckRequested()) {
            request.arg("NOACK");
        }
        streams(request, idsByStream);
        Map<String, K> asked = asked(Command.XREADGROUP, idsByStream);
        return send(request, reply -> streamsReply(reply, asked));
    }

    private Request streams(Request request, Map<K, String> idsByStream) {
        if (idsByStream == null || idsByStream.isEmpty()) {
            throw new IllegalArgumentException(request.command() + ": no stream given; map each stream key to the id to read after");
        }
        request.arg("STREAMS");
        idsByStream.keySet().forEach(key -> keys.add(request, key));
        idsByStream.values().forEach(id -> text(request, "id", id));
        return request;
    }

    /**
     * The streams asked for, by the name the driver gives them in a RESP3 map. Two binary keys whose bytes are not
     * UTF-8 may get the same name: their replies could not be told apart (the driver's map would even keep one of
     * them only, and the other's entries, delivered to the group, would never be seen), so such a read is refused.
     */
    private Map<String, K> asked(Command command, Map<K, String> idsByStream) {
        Map<String, K> asked = new LinkedHashMap<>();
        for (K key : idsByStream.keySet()) {
            K other = asked.put(keys.asMapKey(key), key);
            if (other != null) {
                throw new IllegalArgumentException(command.toString().toUpperCase(java.util.Locale.ROOT) + ": the stream keys "
                        + Encoder.describe(other) + " and " + Encoder.describe(key) + " are not UTF-8 and read as the same text, by which "
                        + "the driver tells the streams of a reply apart; read them in separate calls");
            }
        }
        return asked;
    }

    /**
     * RESP3: a map of stream to entries; RESP2: an array of [stream, entries]; nil when a blocking read timed out.
     * Each stream is one of the keys asked for: it is looked up among them, since the driver turns the keys of a
     * RESP3 map into strings, from which a binary key cannot be decoded. The streams come in the order they were
     * asked for, on both protocols: the driver reads a RESP3 map into a HashMap, which loses Redis' order.
     */
    private List<StreamMessage<K, V>> streamsReply(Response reply, Map<String, K> asked) {
        Map<String, List<StreamMessage<K, V>>> byStream = new LinkedHashMap<>();
        Replies.forEachPair(reply, (stream, entries) -> {
            K key = asked.get(stream.toString());
            byStream.put(stream.toString(), messages(key != null ? key : keys.decode(stream, "(stream)"), entries));
        });
        List<StreamMessage<K, V>> all = new ArrayList<>();
        for (String stream : asked.keySet()) {
            List<StreamMessage<K, V>> messages = byStream.remove(stream);
            if (messages != null) {
                all.addAll(messages);
            }
        }
        byStream.values().forEach(all::addAll);
        return all;
    }

    private List<StreamMessage<K, V>> messages(K stream, Response entries) {
        List<StreamMessage<K, V>> messages = new ArrayList<>();
        for (Response entry : Replies.elements(entries)) {
            if (entry == null) {
                continue;
            }
            // an entry deleted while pending: XREADGROUP 0 answers its id with nil fields; it is given back with no
            // fields (XADD never writes an entry without any) so that its consumer can still acknowledge it
            String id = entry.get(0).toString();
            Map<String, V> fields = new LinkedHashMap<>();
            if (entry.get(1) != null) {
                try {
                    Replies.forEachPair(entry.get(1), (field, value) -> fields.put(field.toString(), value(value, stream)));
                } catch (RedisDecodeException undecodable) {
                    // read by a consumer group, the entry is pending now, and every read of the backlog meets it again
                    throw new RedisDecodeException(undecodable.getMessage() + " It is entry " + id + " of the stream: read in a "
                            + "consumer group, it stays pending and comes back with every read of the backlog; read it with "
                            + "another value type (byte[]) to keep it, and XACK (or XDEL) it by that id to move past it",
                            undecodable.getCause());
                }
            }
            messages.add(new StreamMessage<>(stream, id, fields));
        }
        return messages;
    }

    @Override
    public CompletionStage<Long> xack(K key, String group, String... ids) {
        Request request = texts(text(on(Command.XACK, key), "group", group), "id", ids);
        return send(request, Replies::toLong);
    }

    @Override
    public CompletionStage<PendingSummary> xpending(K key, String group) {
        return send(text(on(Command.XPENDING, key), "group", group), reply -> {
            Map<String, Long> consumers = new LinkedHashMap<>();
            Replies.elements(reply.get(3)).forEach(consumer -> consumers.put(consumer.get(0).toString(), consumer.get(1).toLong()));
            return new PendingSummary(reply.get(0).toLong(), Replies.toText(reply.get(1)), Replies.toText(reply.get(2)), consumers);
        });
    }

    @Override
    public CompletionStage<List<PendingMessage>> xpending(K key, String group, XPendingArgs args) {
        requireArgs("xpending", args, "XPendingArgs.range(\"-\", \"+\", count)");
        return send(options(text(on(Command.XPENDING, key), "group", group), args.arguments()), reply -> Replies.elements(reply).stream()
                .map(line -> new PendingMessage(line.get(0).toString(), line.get(1).toString(), Duration.ofMillis(line.get(2).toLong()),
                        line.get(3).toLong()))
                .toList());
    }

    @Override
    public CompletionStage<List<StreamMessage<K, V>>> xclaim(K key, String group, String consumer, Duration minIdle, String... ids) {
        Request request = texts(text(text(on(Command.XCLAIM, key), "group", group), "consumer", consumer).arg(idle("XCLAIM", minIdle)), "id", ids);
        return send(request, reply -> messages(key, reply));
    }

    @Override
    public CompletionStage<AutoClaimResult<K, V>> xautoclaim(K key, String group, String consumer, Duration minIdle, String start, long count) {
        Request request = text(text(text(on(Command.XAUTOCLAIM, key), "group", group), "consumer", consumer).arg(idle("XAUTOCLAIM", minIdle)), "start id", start).arg("COUNT").arg(count);
        return send(request, reply -> new AutoClaimResult<>(reply.get(0).toString(), messages(key, reply.get(1)),
                reply.size() > 2 ? Replies.elements(reply.get(2)).stream().map(Response::toString).toList() : List.of()));
    }

    private static long idle(String command, Duration minIdle) {
        return required(command, "minIdle", minIdle, "a duration (Duration.ZERO claims whatever the idle time)").toMillis();
    }

    @Override
    public CompletionStage<Long> xtrim(K key, StreamTrim trim) {
        return send(options(on(Command.XTRIM, key), required("XTRIM", "trim", trim, "StreamTrim.maxLen(..) or StreamTrim.minId(..)").arguments()),
                Replies::toLong);
    }

    @Override
    public CompletionStage<Long> xdel(K key, String... ids) {
        Request request = texts(on(Command.XDEL, key), "id", ids);
        return send(request, Replies::toLong);
    }
}
