package dev.rediscdi.internal.commands;

import java.lang.reflect.Type;
import java.util.concurrent.CompletionStage;

import dev.rediscdi.BitmapCommands;
import dev.rediscdi.internal.codec.Codecs;
import io.vertx.redis.client.Command;

final class BitmapGroup<K> extends Group<K, Void> implements BitmapCommands<K> {

    BitmapGroup(CommandSink sink, Codecs codecs, Type keyType) {
        super(sink, codecs, keyType, null);
    }

    @Override
    public CompletionStage<Boolean> setbit(K key, long offset, boolean value) {
        return send(on(Command.SETBIT, key).arg(offset).arg(value ? 1L : 0L), Replies::toBoolean);
    }

    @Override
    public CompletionStage<Boolean> getbit(K key, long offset) {
        return send(on(Command.GETBIT, key).arg(offset), Replies::toBoolean);
    }

    @Override
    public CompletionStage<Long> bitcount(K key) {
        return send(on(Command.BITCOUNT, key), Replies::toLong);
    }

    @Override
    public CompletionStage<Long> bitcount(K key, long start, long end) {
        return send(on(Command.BITCOUNT, key).arg(start).arg(end), Replies::toLong);
    }

    @Override
    public CompletionStage<Long> bitpos(K key, boolean bit) {
        return send(on(Command.BITPOS, key).arg(bit ? 1L : 0L), Replies::toLong);
    }

    @Override
    public CompletionStage<Long> bitpos(K key, boolean bit, long start, long end) {
        return send(on(Command.BITPOS, key).arg(bit ? 1L : 0L).arg(start).arg(end), Replies::toLong);
    }
}
