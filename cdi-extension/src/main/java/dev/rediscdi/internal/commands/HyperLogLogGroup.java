package dev.rediscdi.internal.commands;

import java.lang.reflect.Type;
import java.util.concurrent.CompletionStage;

import dev.rediscdi.HyperLogLogCommands;
import dev.rediscdi.internal.codec.Codecs;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.Request;

@SuppressWarnings("varargs") // the varargs arrays are only read, never stored or exposed
final class HyperLogLogGroup<K, V> extends Group<K, V> implements HyperLogLogCommands<K, V> {

    HyperLogLogGroup(CommandSink sink, Codecs codecs, Type keyType, Type valueType) {
        super(sink, codecs, keyType, valueType);
    }

    @SafeVarargs
    @Override
    public final CompletionStage<Boolean> pfadd(K key, V... elements) {
        Request request = on(Command.PFADD, key);
        values.addAny(request, elements); // none: creates an empty HyperLogLog if the key does not exist
        return send(request, Replies::toBoolean);
    }

    @SafeVarargs
    @Override
    public final CompletionStage<Long> pfcount(K... keys) {
        Request request = Request.cmd(Command.PFCOUNT);
        this.keys.addAll(request, keys);
        return send(request, Replies::toLong);
    }

    @SafeVarargs
    @Override
    public final CompletionStage<Void> pfmerge(K destination, K... sources) {
        Request request = on(Command.PFMERGE, destination);
        keys.addAny(request, sources); // none: creates an empty destination if it does not exist
        return send(request, Replies::none);
    }
}
