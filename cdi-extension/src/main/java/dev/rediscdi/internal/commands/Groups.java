package dev.rediscdi.internal.commands;

import java.util.List;
import java.util.concurrent.CompletionStage;

import dev.rediscdi.BitmapCommands;
import dev.rediscdi.GeoCommands;
import dev.rediscdi.HashCommands;
import dev.rediscdi.HyperLogLogCommands;
import dev.rediscdi.KeyCommands;
import dev.rediscdi.ListCommands;
import dev.rediscdi.RedisCommands;
import dev.rediscdi.RedisScript;
import dev.rediscdi.ReplyType;
import dev.rediscdi.SetCommands;
import dev.rediscdi.SortedSetCommands;
import dev.rediscdi.StreamCommands;
import dev.rediscdi.TypeRef;
import dev.rediscdi.ValueCommands;
import dev.rediscdi.internal.client.Requests;
import dev.rediscdi.internal.codec.Codecs;

/** The command groups over one sink: the client itself, a pipeline, a transaction or a leased connection. */
final class Groups implements RedisCommands {
    private final CommandSink sink;
    private final Codecs codecs;

    Groups(CommandSink sink, Codecs codecs) {
        this.sink = sink;
        this.codecs = codecs;
    }

    @Override
    public <K, V> ValueCommands<K, V> value(TypeRef<K> keyType, TypeRef<V> valueType) {
        return new ValueGroup<>(sink, codecs, keyType.type(), valueType.type());
    }

    @Override
    public <K> KeyCommands<K> keys(TypeRef<K> keyType) {
        return new KeyGroup<>(sink, codecs, keyType.type());
    }

    @Override
    public <K, V> HashCommands<K, V> hash(TypeRef<K> keyType, TypeRef<V> valueType) {
        return new HashGroup<>(sink, codecs, keyType.type(), valueType.type());
    }

    @Override
    public <K, V> ListCommands<K, V> list(TypeRef<K> keyType, TypeRef<V> valueType) {
        return new ListGroup<>(sink, codecs, keyType.type(), valueType.type());
    }

    @Override
    public <K, V> SetCommands<K, V> set(TypeRef<K> keyType, TypeRef<V> valueType) {
        return new SetGroup<>(sink, codecs, keyType.type(), valueType.type());
    }

    @Override
    public <K, V> SortedSetCommands<K, V> sortedSet(TypeRef<K> keyType, TypeRef<V> valueType) {
        return new SortedSetGroup<>(sink, codecs, keyType.type(), valueType.type());
    }

    @Override
    public <K, V> StreamCommands<K, V> stream(TypeRef<K> keyType, TypeRef<V> valueType) {
        return new StreamGroup<>(sink, codecs, keyType.type(), valueType.type());
    }

    @Override
    public <K, V> HyperLogLogCommands<K, V> hyperLogLog(TypeRef<K> keyType, TypeRef<V> valueType) {
        return new HyperLogLogGroup<>(sink, codecs, keyType.type(), valueType.type());
    }

    @Override
    public <K> BitmapCommands<K> bitmap(TypeRef<K> keyType) {
        return new BitmapGroup<>(sink, codecs, keyType.type());
    }

    @Override
    public <K, V> GeoCommands<K, V> geo(TypeRef<K> keyType, TypeRef<V> valueType) {
        return new GeoGroup<>(sink, codecs, keyType.type(), valueType.type());
    }

    @Override
    public <T> CompletionStage<T> eval(RedisScript script, ReplyType<T> replyType, List<String> keys, Object... args) {
        Scripts.check(script, replyType, keys);
        return sink.send(Requests.of("EVAL", Scripts.arguments(script.source(), keys, args)), Scripts.converting(replyType, codecs.clientLabel()));
    }
}
