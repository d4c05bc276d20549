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
        if (fields == null || fields.isEmpty()) {
            throw new IllegalArgumentException("XADD: fields are empty; give at least one field and value");
        }
        Request request = options(on(Command.XADD, key), args.arguments());
        fields.forEach((field, value) -> {
            request.arg(field);
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
        return send(on(Command.XRANGE, key).arg(start).arg(end).arg("COUNT").arg(count), reply -> messages(key, reply));
    }

    @Override
    public CompletionStage<List<StreamMessage<K, V>>> xread(Map<K, String> idsByStream, XReadArgs args) {
        Request request = options(Request.cmd(Command.XREAD), args.arguments());
        return send(streams(request, idsByStream), this::streamsReply);
    }

    @Override
    public CompletionStage<Void> xgroupCreate(K key, String group, String from, boolean mkStream) {
        Request request = Request.cmd(Command.XGROUP).arg("CREATE");
        keys.add(request, key);
        request.arg(group).arg(from);
        if (mkStream) {
            request.arg("MKSTREAM");
        }
        return send(request, Replies::none);
    }

    @Override
    public CompletionStage<List<StreamMessage<K, V>>> xreadgroup(String group, String consumer, Map<K, String> idsByStream, XReadArgs args) {
        Request request = options(Request.cmd(Command.XREADGROUP).arg("GROUP").arg(group).arg(consumer), args.arguments());
        if (args.noAckRequested()) {
            request.arg("NOACK");
        }
        return send(streams(request, idsByStream), this::streamsReply);
    }

    private Request streams(Request request, Map<K, String> idsByStream) {
        if (idsByStream == null || idsByStream.isEmpty()) {
            throw new IllegalArgumentException(request.command() + ": no stream given; map each stream key to the id to read after");
        }
        request.arg("STREAMS");
        idsByStream.keySet().forEach(key -> keys.add(request, key));
        idsByStream.values().forEach(request::arg);
        return request;
    }

    /** RESP3: a map of stream to entries; RESP2: an array of [stream, entries]; nil when a blocking read timed out. */
    private List<StreamMessage<K, V>> streamsReply(Response reply) {
        List<StreamMessage<K, V>> all = new ArrayList<>();
        Replies.forEachPair(reply, (stream, entries) -> all.addAll(messages(keys.decode(stream, "(stream)"), entries)));
        return all;
    }

    private List<StreamMessage<K, V>> messages(K stream, Response entries) {
        List<StreamMessage<K, V>> messages = new ArrayList<>();
        for (Response entry : Replies.elements(entries)) {
            if (entry == null || entry.get(1) == null) {
                continue; // an entry deleted while pending: XREADGROUP 0 and XCLAIM answer its id with nil fields
            }
            Map<String, V> fields = new LinkedHashMap<>();
            Replies.forEachPair(entry.get(1), (field, value) -> fields.put(field.toString(), value(value, stream)));
            messages.add(new StreamMessage<>(stream, entry.get(0).toString(), fields));
        }
        return messages;
    }

    @Override
    public CompletionStage<Long> xack(K key, String group, String... ids) {
        Request request = on(Command.XACK, key).arg(group);
        for (String id : ids) {
            request.arg(id);
        }
        return send(request, Replies::toLong);
    }

    @Override
    public CompletionStage<PendingSummary> xpending(K key, String group) {
        return send(on(Command.XPENDING, key).arg(group), reply -> {
            Map<String, Long> consumers = new LinkedHashMap<>();
            Replies.elements(reply.get(3)).forEach(consumer -> consumers.put(consumer.get(0).toString(), consumer.get(1).toLong()));
            return new PendingSummary(reply.get(0).toLong(), Replies.toText(reply.get(1)), Replies.toText(reply.get(2)), consumers);
        });
    }

    @Override
    public CompletionStage<List<PendingMessage>> xpending(K key, String group, XPendingArgs args) {
        return send(options(on(Command.XPENDING, key).arg(group), args.arguments()), reply -> Replies.elements(reply).stream()
                .map(line -> new PendingMessage(line.get(0).toString(), line.get(1).toString(), Duration.ofMillis(line.get(2).toLong()),
                        line.get(3).toLong()))
                .toList());
    }

    @Override
    public CompletionStage<List<StreamMessage<K, V>>> xclaim(K key, String group, String consumer, Duration minIdle, String... ids) {
        Request request = on(Command.XCLAIM, key).arg(group).arg(consumer).arg(minIdle.toMillis());
        for (String id : ids) {
            request.arg(id);
        }
        return send(request, reply -> messages(key, reply));
    }

    @Override
    public CompletionStage<AutoClaimResult<K, V>> xautoclaim(K key, String group, String consumer, Duration minIdle, String start, long count) {
        Request request = on(Command.XAUTOCLAIM, key).arg(group).arg(consumer).arg(minIdle.toMillis()).arg(start).arg("COUNT").arg(count);
        return send(request, reply -> new AutoClaimResult<>(reply.get(0).toString(), messages(key, reply.get(1)),
                reply.size() > 2 ? Replies.elements(reply.get(2)).stream().map(Response::toString).toList() : List.of()));
    }

    @Override
    public CompletionStage<Long> xtrim(K key, StreamTrim trim) {
        return send(options(on(Command.XTRIM, key), trim.arguments()), Replies::toLong);
    }

    @Override
    public CompletionStage<Long> xdel(K key, String... ids) {
        Request request = on(Command.XDEL, key);
        for (String id : ids) {
            request.arg(id);
        }
        return send(request, Replies::toLong);
    }
}
