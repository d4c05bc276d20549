package dev.rediscdi.internal.commands;

import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletionStage;

import dev.rediscdi.ScanArgs;
import dev.rediscdi.ScanIteration;
import dev.rediscdi.SetCommands;
import dev.rediscdi.internal.codec.Codecs;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.Request;
import io.vertx.redis.client.Response;

@SuppressWarnings("varargs") // the varargs arrays are only read, never stored or exposed
final class SetGroup<K, V> extends Group<K, V> implements SetCommands<K, V> {

    SetGroup(CommandSink sink, Codecs codecs, Type keyType, Type valueType) {
        super(sink, codecs, keyType, valueType);
    }

    @SafeVarargs
    @Override
    public final CompletionStage<Long> sadd(K key, V... members) {
        Request request = on(Command.SADD, key);
        values.addAll(request, members);
        return send(request, Replies::toLong);
    }

    @SafeVarargs
    @Override
    public final CompletionStage<Long> srem(K key, V... members) {
        Request request = on(Command.SREM, key);
        values.addAll(request, members);
        return send(request, Replies::toLong);
    }

    @Override
    public CompletionStage<Set<V>> smembers(K key) {
        return send(on(Command.SMEMBERS, key), reply -> into(new LinkedHashSet<>(), reply, key));
    }

    private <C extends Collection<V>> C into(C members, Response reply, Object key) {
        Replies.elements(reply).forEach(member -> members.add(value(member, key)));
        return members;
    }

    @Override
    public CompletionStage<Boolean> sismember(K key, V member) {
        Request request = on(Command.SISMEMBER, key);
        values.add(request, member);
        return send(request, Replies::toBoolean);
    }

    @SafeVarargs
    @Override
    public final CompletionStage<List<Boolean>> smismember(K key, V... members) {
        Request request = on(Command.SMISMEMBER, key);
        values.addAll(request, members);
        return send(request, reply -> Replies.elements(reply).stream().map(Replies::toBoolean).toList());
    }

    @Override
    public CompletionStage<Long> scard(K key) {
        return send(on(Command.SCARD, key), Replies::toLong);
    }

    @Override
    public CompletionStage<V> spop(K key) {
        return send(on(Command.SPOP, key), removing(Command.SPOP, reply -> value(reply, key), Group::itself));
    }

    @Override
    public CompletionStage<Set<V>> spop(K key, long count) {
        return send(on(Command.SPOP, key).arg(count), removing(Command.SPOP, reply -> into(new LinkedHashSet<>(), reply, key), Replies::elements));
    }

    @Override
    public CompletionStage<List<V>> srandmember(K key, long count) {
        return send(on(Command.SRANDMEMBER, key).arg(count), reply -> into(new ArrayList<>(), reply, key));
    }

    @Override
    public CompletionStage<Boolean> smove(K source, K destination, V member) {
        Request request = on(Command.SMOVE, source);
        keys.add(request, destination);
        values.add(request, member);
        return send(request, Replies::toBoolean);
    }

    @SafeVarargs
    @Override
    public final CompletionStage<Set<V>> sinter(K... keys) {
        return combine(Command.SINTER, keys);
    }

    @SafeVarargs
    @Override
    public final CompletionStage<Set<V>> sunion(K... keys) {
        return combine(Command.SUNION, keys);
    }

    @SafeVarargs
    @Override
    public final CompletionStage<Set<V>> sdiff(K... keys) {
        return combine(Command.SDIFF, keys);
    }

    @SafeVarargs
    private CompletionStage<Set<V>> combine(Command command, K... keys) {
        Request request = Request.cmd(command);
        this.keys.addAll(request, keys);
        return send(request, reply -> into(new LinkedHashSet<>(), reply, keys[0]));
    }

    @SafeVarargs
    @Override
    public final CompletionStage<Long> sinterstore(K destination, K... keys) {
        return store(Command.SINTERSTORE, destination, keys);
    }

    @SafeVarargs
    @Override
    public final CompletionStage<Long> sunionstore(K destination, K... keys) {
        return store(Command.SUNIONSTORE, destination, keys);
    }

    @SafeVarargs
    @Override
    public final CompletionStage<Long> sdiffstore(K destination, K... keys) {
        return store(Command.SDIFFSTORE, destination, keys);
    }

    @SafeVarargs
    private CompletionStage<Long> store(Command command, K destination, K... keys) {
        Request request = on(command, destination);
        this.keys.addAll(request, keys);
        return send(request, Replies::toLong);
    }

    @Override
    public ScanIteration<V> sscan(K key) {
        return sscan(key, new ScanArgs());
    }

    @Override
    public ScanIteration<V> sscan(K key, ScanArgs args) {
        elementScan("SSCAN", args);
        return new ScanCursor<>(cursor -> send(options(on(Command.SSCAN, key).arg(cursor), args.arguments()),
                reply -> ScanCursor.page(reply, (elements, out) -> Replies.elements(elements).forEach(member -> out.add(value(member, key))))));
    }
}
