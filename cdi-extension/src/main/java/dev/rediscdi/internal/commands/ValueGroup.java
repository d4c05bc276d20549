package dev.rediscdi.internal.commands;

import java.lang.reflect.Type;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionStage;

import dev.rediscdi.GetExArgs;
import dev.rediscdi.SetArgs;
import dev.rediscdi.ValueCommands;
import dev.rediscdi.internal.codec.Codecs;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.Request;

@SuppressWarnings("varargs") // the varargs arrays are only read, never stored or exposed
final class ValueGroup<K, V> extends Group<K, V> implements ValueCommands<K, V> {

    ValueGroup(CommandSink sink, Codecs codecs, Type keyType, Type valueType) {
        super(sink, codecs, keyType, valueType);
    }

    @Override
    public CompletionStage<V> get(K key) {
        return send(on(Command.GET, key), reply -> value(reply, key));
    }

    @Override
    public CompletionStage<Void> set(K key, V value) {
        Request request = on(Command.SET, key);
        values.add(request, value);
        return send(request, Replies::none);
    }

    @Override
    public CompletionStage<Boolean> set(K key, V value, SetArgs args) {
        requireArgs("set", args, "new SetArgs() for no options");
        Request request = on(Command.SET, key);
        values.add(request, value);
        return send(options(request, args.arguments()), reply -> reply != null);
    }

    @Override
    public CompletionStage<V> setGet(K key, V value, SetArgs args) {
        requireArgs("setGet", args, "new SetArgs() for no options");
        Request request = on(Command.SET, key);
        values.add(request, value);
        options(request, args.arguments()).arg("GET");
        return send(request, removing(Command.SET, reply -> value(reply, key), Group::itself));
    }

    @SafeVarargs
    @Override
    public final CompletionStage<Map<K, V>> mget(K... keys) {
        Request request = Request.cmd(Command.MGET);
        this.keys.addAll(request, keys); // refuses no key and a null one, naming them
        List<K> order = List.of(keys);
        return send(request, reply -> {
            Map<K, V> found = new LinkedHashMap<>();
            for (int i = 0; i < order.size(); i++) {
                found.put(order.get(i), value(reply.get(i), order.get(i)));
            }
            return found;
        });
    }

    @Override
    public CompletionStage<Void> mset(Map<K, V> entries) {
        return send(pairs(Command.MSET, entries), Replies::none);
    }

    @Override
    public CompletionStage<Boolean> msetnx(Map<K, V> entries) {
        return send(pairs(Command.MSETNX, entries), Replies::toBoolean);
    }

    private Request pairs(Command command, Map<K, V> entries) {
        if (entries == null || entries.isEmpty()) {
            throw new IllegalArgumentException(command + ": entries are empty; give at least one key and value");
        }
        Request request = Request.cmd(command);
        entries.forEach((key, value) -> {
            keys.add(request, key);
            values.add(request, value);
        });
        return request;
    }

    @Override
    public CompletionStage<Long> incr(K key) {
        return send(on(Command.INCR, key), Replies::toLong);
    }

    @Override
    public CompletionStage<Long> incrby(K key, long amount) {
        return send(on(Command.INCRBY, key).arg(amount), Replies::toLong);
    }

    @Override
    public CompletionStage<Double> incrbyfloat(K key, double amount) {
        return send(on(Command.INCRBYFLOAT, key).arg(number(amount)), Replies::toDouble);
    }

    @Override
    public CompletionStage<Long> decr(K key) {
        return send(on(Command.DECR, key), Replies::toLong);
    }

    @Override
    public CompletionStage<Long> decrby(K key, long amount) {
        return send(on(Command.DECRBY, key).arg(amount), Replies::toLong);
    }

    @Override
    public CompletionStage<V> getdel(K key) {
        return send(on(Command.GETDEL, key), removing(Command.GETDEL, reply -> value(reply, key), Group::itself));
    }

    @Override
    public CompletionStage<V> getex(K key, GetExArgs args) {
        requireArgs("getex", args, "one of GetExArgs.ex(..), px(..), pxAt(..), persist()");
        return send(options(on(Command.GETEX, key), args.arguments()), reply -> value(reply, key));
    }

    @Override
    public CompletionStage<Long> setrange(K key, long offset, V value) {
        Request request = on(Command.SETRANGE, key).arg(offset);
        values.add(request, value);
        return send(request, Replies::toLong);
    }

    @Override
    public CompletionStage<String> getrange(K key, long start, long end) {
        return send(on(Command.GETRANGE, key).arg(start).arg(end), Replies::toText);
    }

    @Override
    public CompletionStage<Long> append(K key, V value) {
        Request request = on(Command.APPEND, key);
        values.add(request, value);
        return send(request, Replies::toLong);
    }

    @Override
    public CompletionStage<Long> strlen(K key) {
        return send(on(Command.STRLEN, key), Replies::toLong);
    }
}
