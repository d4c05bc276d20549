package dev.rediscdi.internal.commands;


import dev.rediscdi.BitmapCommands;
import dev.rediscdi.BlockingBitmapCommands;
import dev.rediscdi.BlockingGeoCommands;
import dev.rediscdi.BlockingHashCommands;
import dev.rediscdi.BlockingHyperLogLogCommands;
import dev.rediscdi.BlockingKeyCommands;
import dev.rediscdi.BlockingListCommands;
import dev.rediscdi.BlockingRedisCommands;
import dev.rediscdi.BlockingSetCommands;
import dev.rediscdi.BlockingSortedSetCommands;
import dev.rediscdi.BlockingStreamCommands;
import dev.rediscdi.BlockingValueCommands;
import dev.rediscdi.GeoCommands;
import dev.rediscdi.HashCommands;
import dev.rediscdi.HyperLogLogCommands;
import dev.rediscdi.KeyCommands;
import dev.rediscdi.ListCommands;
import dev.rediscdi.RedisCommands;
import dev.rediscdi.SetCommands;
import dev.rediscdi.SortedSetCommands;
import dev.rediscdi.StreamCommands;
import dev.rediscdi.TypeRef;
import dev.rediscdi.ValueCommands;

/** The blocking command groups: each one a {@link BlockingView} of its asynchronous twin. */
final class BlockingGroups implements BlockingRedisCommands {
    private final RedisCommands async;
    private final Await await;

    BlockingGroups(RedisCommands async, Await await) {
        this.async = async;
        this.await = await;
    }

    @Override
    @SuppressWarnings("unchecked")
    public <K, V> BlockingValueCommands<K, V> value(TypeRef<K> keyType, TypeRef<V> valueType) {
        return BlockingView.of(BlockingValueCommands.class, ValueCommands.class, async.value(keyType, valueType), await);
    }

    @Override
    @SuppressWarnings("unchecked")
    public <K> BlockingKeyCommands<K> keys(TypeRef<K> keyType) {
        return BlockingView.of(BlockingKeyCommands.class, KeyCommands.class, async.keys(keyType), await);
    }

    @Override
    @SuppressWarnings("unchecked")
    public <K, V> BlockingHashCommands<K, V> hash(TypeRef<K> keyType, TypeRef<V> valueType) {
        return BlockingView.of(BlockingHashCommands.class, HashCommands.class, async.hash(keyType, valueType), await);
    }

    @Override
    @SuppressWarnings("unchecked")
    public <K, V> BlockingListCommands<K, V> list(TypeRef<K> keyType, TypeRef<V> valueType) {
        return BlockingView.of(BlockingListCommands.class, ListCommands.class, async.list(keyType, valueType), await);
    }

    @Override
    @SuppressWarnings("unchecked")
    public <K, V> BlockingSetCommands<K, V> set(TypeRef<K> keyType, TypeRef<V> valueType) {
        return BlockingView.of(BlockingSetCommands.class, SetCommands.class, async.set(keyType, valueType), await);
    }

    @Override
    @SuppressWarnings("unchecked")
    public <K, V> BlockingSortedSetCommands<K, V> sortedSet(TypeRef<K> keyType, TypeRef<V> valueType) {
        return BlockingView.of(BlockingSortedSetCommands.class, SortedSetCommands.class, async.sortedSet(keyType, valueType), await);
    }

    @Override
    @SuppressWarnings("unchecked")
    public <K, V> BlockingStreamCommands<K, V> stream(TypeRef<K> keyType, TypeRef<V> valueType) {
        return BlockingView.of(BlockingStreamCommands.class, StreamCommands.class, async.stream(keyType, valueType), await);
    }

    @Override
    @SuppressWarnings("unchecked")
    public <K, V> BlockingHyperLogLogCommands<K, V> hyperLogLog(TypeRef<K> keyType, TypeRef<V> valueType) {
        return BlockingView.of(BlockingHyperLogLogCommands.class, HyperLogLogCommands.class, async.hyperLogLog(keyType, valueType), await);
    }

    @Override
    @SuppressWarnings("unchecked")
    public <K> BlockingBitmapCommands<K> bitmap(TypeRef<K> keyType) {
        return BlockingView.of(BlockingBitmapCommands.class, BitmapCommands.class, async.bitmap(keyType), await);
    }

    @Override
    @SuppressWarnings("unchecked")
    public <K, V> BlockingGeoCommands<K, V> geo(TypeRef<K> keyType, TypeRef<V> valueType) {
        return BlockingView.of(BlockingGeoCommands.class, GeoCommands.class, async.geo(keyType, valueType), await);
    }
}
