package dev.rediscdi.internal.commands;

import java.lang.reflect.Type;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionStage;

import dev.rediscdi.HashCommands;
import dev.rediscdi.ScanArgs;
import dev.rediscdi.ScanIteration;
import dev.rediscdi.internal.codec.Codecs;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.Request;
import io.vertx.redis.client.Response;

final class HashGroup<K, V> extends Group<K, V> implements HashCommands<K, V> {

    HashGroup(CommandSink sink, Codecs codecs, Type keyType, Type valueType) {
        super(sink, codecs, keyType, valueType);
    }

    @Override
    public CompletionStage<Boolean> hset(K key, String field, V value) {
        Request request = text(on(Command.HSET, key), "field", field);
        values.add(request, value);
        return send(request, Replies::toBoolean);
    }

    @Override
    public CompletionStage<Long> hset(K key, Map<String, V> fields) {
        if (fields == null || fields.isEmpty()) {
            throw new IllegalArgumentException("HSET: fields are empty; give at least one field and value");
        }
        Request request = on(Command.HSET, key);
        fields.forEach((field, value) -> {
            text(request, "field", field);
            values.add(request, value);
        });
        return send(request, Replies::toLong);
    }

    @Override
    public CompletionStage<Boolean> hsetnx(K key, String field, V value) {
        Request request = text(on(Command.HSETNX, key), "field", field);
        values.add(request, value);
        return send(request, Replies::toBoolean);
    }

    @Override
    public CompletionStage<V> hget(K key, String field) {
        return send(text(on(Command.HGET, key), "field", field), reply -> value(reply, key));
    }

    @Override
    public CompletionStage<Map<String, V>> hmget(K key, String... fields) {
        Request request = texts(on(Command.HMGET, key), "field", fields);
        return send(request, reply -> {
            Map<String, V> found = new LinkedHashMap<>();
            for (int i = 0; i < fields.length; i++) {
                found.put(fields[i], value(reply.get(i), key));
            }
            return found;
        });
    }

    @Override
    public CompletionStage<Map<String, V>> hgetall(K key) {
        return send(on(Command.HGETALL, key), reply -> {
            Map<String, V> all = new LinkedHashMap<>();
            Replies.forEachPair(reply, (field, value) -> all.put(field.toString(), value(value, key)));
            return all;
        });
    }

    @Override
    public CompletionStage<Long> hdel(K key, String... fields) {
        Request request = texts(on(Command.HDEL, key), "field", fields);
        return send(request, Replies::toLong);
    }

    @Override
    public CompletionStage<Boolean> hexists(K key, String field) {
        return send(text(on(Command.HEXISTS, key), "field", field), Replies::toBoolean);
    }

    @Override
    public CompletionStage<List<String>> hkeys(K key) {
        return send(on(Command.HKEYS, key), reply -> Replies.elements(reply).stream().map(Response::toString).toList());
    }

    @Override
    public CompletionStage<List<V>> hvals(K key) {
        return send(on(Command.HVALS, key), reply -> {
            List<V> all = new ArrayList<>();
            Replies.elements(reply).forEach(value -> all.add(value(value, key)));
            return all;
        });
    }

    @Override
    public CompletionStage<Long> hlen(K key) {
        return send(on(Command.HLEN, key), Replies::toLong);
    }

    @Override
    public CompletionStage<Long> hincrby(K key, String field, long amount) {
        return send(text(on(Command.HINCRBY, key), "field", field).arg(amount), Replies::toLong);
    }

    @Override
    public CompletionStage<Double> hincrbyfloat(K key, String field, double amount) {
        return send(text(on(Command.HINCRBYFLOAT, key), "field", field).arg(number(amount)), Replies::toDouble);
    }

    @Override
    public ScanIteration<Map.Entry<String, V>> hscan(K key) {
        return hscan(key, new ScanArgs());
    }

    @Override
    public ScanIteration<Map.Entry<String, V>> hscan(K key, ScanArgs args) {
        elementScan("HSCAN", args);
        return new ScanCursor<>(cursor -> send(options(on(Command.HSCAN, key).arg(cursor), args.arguments()),
                reply -> ScanCursor.page(reply, (elements, out) -> Replies.forEachPair(elements,
                        (field, value) -> out.add(new AbstractMap.SimpleImmutableEntry<>(field.toString(), value(value, key)))))));
    }
}
