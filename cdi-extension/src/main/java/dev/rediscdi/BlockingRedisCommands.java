package dev.rediscdi;

/**
 * The blocking counterpart of {@link RedisCommands}: the same groups, whose methods wait for the reply and
 * answer the plain value (see {@link BlockingRedisClient} for how long they wait).
 */
public interface BlockingRedisCommands {

    /** Commands on string values: GET, SET, INCR..., keys and values of the given types. */
    <K, V> BlockingValueCommands<K, V> value(TypeRef<K> keyType, TypeRef<V> valueType);

    /** Commands on string values: GET, SET, INCR..., {@code String} keys and values of the given class. */
    default <V> BlockingValueCommands<String, V> value(Class<V> valueType) {
        return value(TypeRef.of(String.class), TypeRef.of(valueType));
    }

    /** Commands on string values: GET, SET, INCR..., {@code String} keys and values of a generic type, such as {@code new TypeRef<List<Order>>() {}}. */
    default <V> BlockingValueCommands<String, V> value(TypeRef<V> valueType) {
        return value(TypeRef.of(String.class), valueType);
    }

    /** Commands on string values: GET, SET, INCR..., keys and values of the given classes. */
    default <K, V> BlockingValueCommands<K, V> value(Class<K> keyType, Class<V> valueType) {
        return value(TypeRef.of(keyType), TypeRef.of(valueType));
    }

    /** Commands on keys of any type: DEL, EXPIRE, SCAN..., keys of the given type. */
    <K> BlockingKeyCommands<K> keys(TypeRef<K> keyType);

    /** Commands on keys of any type: DEL, EXPIRE, SCAN..., {@code String} keys. */
    default BlockingKeyCommands<String> keys() {
        return keys(TypeRef.of(String.class));
    }

    /** Commands on keys of any type: DEL, EXPIRE, SCAN..., keys of the given class. */
    default <K> BlockingKeyCommands<K> keys(Class<K> keyType) {
        return keys(TypeRef.of(keyType));
    }

    /** Commands on hashes, with String field names: HSET, HGETALL..., keys and values of the given types. */
    <K, V> BlockingHashCommands<K, V> hash(TypeRef<K> keyType, TypeRef<V> valueType);

    /** Commands on hashes, with String field names: HSET, HGETALL..., {@code String} keys and values of the given class. */
    default <V> BlockingHashCommands<String, V> hash(Class<V> valueType) {
        return hash(TypeRef.of(String.class), TypeRef.of(valueType));
    }

    /** Commands on hashes, with String field names: HSET, HGETALL..., {@code String} keys and values of a generic type, such as {@code new TypeRef<List<Order>>() {}}. */
    default <V> BlockingHashCommands<String, V> hash(TypeRef<V> valueType) {
        return hash(TypeRef.of(String.class), valueType);
    }

    /** Commands on hashes, with String field names: HSET, HGETALL..., keys and values of the given classes. */
    default <K, V> BlockingHashCommands<K, V> hash(Class<K> keyType, Class<V> valueType) {
        return hash(TypeRef.of(keyType), TypeRef.of(valueType));
    }

    /** Commands on lists, blocking pops included: LPUSH, BLPOP..., keys and values of the given types. */
    <K, V> BlockingListCommands<K, V> list(TypeRef<K> keyType, TypeRef<V> valueType);

    /** Commands on lists, blocking pops included: LPUSH, BLPOP..., {@code String} keys and values of the given class. */
    default <V> BlockingListCommands<String, V> list(Class<V> valueType) {
        return list(TypeRef.of(String.class), TypeRef.of(valueType));
    }

    /** Commands on lists, blocking pops included: LPUSH, BLPOP..., {@code String} keys and values of a generic type, such as {@code new TypeRef<List<Order>>() {}}. */
    default <V> BlockingListCommands<String, V> list(TypeRef<V> valueType) {
        return list(TypeRef.of(String.class), valueType);
    }

    /** Commands on lists, blocking pops included: LPUSH, BLPOP..., keys and values of the given classes. */
    default <K, V> BlockingListCommands<K, V> list(Class<K> keyType, Class<V> valueType) {
        return list(TypeRef.of(keyType), TypeRef.of(valueType));
    }

    /** Commands on sets: SADD, SMEMBERS..., keys and values of the given types. */
    <K, V> BlockingSetCommands<K, V> set(TypeRef<K> keyType, TypeRef<V> valueType);

    /** Commands on sets: SADD, SMEMBERS..., {@code String} keys and values of the given class. */
    default <V> BlockingSetCommands<String, V> set(Class<V> valueType) {
        return set(TypeRef.of(String.class), TypeRef.of(valueType));
    }

    /** Commands on sets: SADD, SMEMBERS..., {@code String} keys and values of a generic type, such as {@code new TypeRef<List<Order>>() {}}. */
    default <V> BlockingSetCommands<String, V> set(TypeRef<V> valueType) {
        return set(TypeRef.of(String.class), valueType);
    }

    /** Commands on sets: SADD, SMEMBERS..., keys and values of the given classes. */
    default <K, V> BlockingSetCommands<K, V> set(Class<K> keyType, Class<V> valueType) {
        return set(TypeRef.of(keyType), TypeRef.of(valueType));
    }

    /** Commands on sorted sets: ZADD, ZRANGE..., keys and values of the given types. */
    <K, V> BlockingSortedSetCommands<K, V> sortedSet(TypeRef<K> keyType, TypeRef<V> valueType);

    /** Commands on sorted sets: ZADD, ZRANGE..., {@code String} keys and values of the given class. */
    default <V> BlockingSortedSetCommands<String, V> sortedSet(Class<V> valueType) {
        return sortedSet(TypeRef.of(String.class), TypeRef.of(valueType));
    }

    /** Commands on sorted sets: ZADD, ZRANGE..., {@code String} keys and values of a generic type, such as {@code new TypeRef<List<Order>>() {}}. */
    default <V> BlockingSortedSetCommands<String, V> sortedSet(TypeRef<V> valueType) {
        return sortedSet(TypeRef.of(String.class), valueType);
    }

    /** Commands on sorted sets: ZADD, ZRANGE..., keys and values of the given classes. */
    default <K, V> BlockingSortedSetCommands<K, V> sortedSet(Class<K> keyType, Class<V> valueType) {
        return sortedSet(TypeRef.of(keyType), TypeRef.of(valueType));
    }

    /** Commands on streams and consumer groups: XADD, XREADGROUP, XACK..., keys and values of the given types. */
    <K, V> BlockingStreamCommands<K, V> stream(TypeRef<K> keyType, TypeRef<V> valueType);

    /** Commands on streams and consumer groups: XADD, XREADGROUP, XACK..., {@code String} keys and values of the given class. */
    default <V> BlockingStreamCommands<String, V> stream(Class<V> valueType) {
        return stream(TypeRef.of(String.class), TypeRef.of(valueType));
    }

    /** Commands on streams and consumer groups: XADD, XREADGROUP, XACK..., {@code String} keys and values of a generic type, such as {@code new TypeRef<List<Order>>() {}}. */
    default <V> BlockingStreamCommands<String, V> stream(TypeRef<V> valueType) {
        return stream(TypeRef.of(String.class), valueType);
    }

    /** Commands on streams and consumer groups: XADD, XREADGROUP, XACK..., keys and values of the given classes. */
    default <K, V> BlockingStreamCommands<K, V> stream(Class<K> keyType, Class<V> valueType) {
        return stream(TypeRef.of(keyType), TypeRef.of(valueType));
    }

    /** Commands on HyperLogLogs: PFADD, PFCOUNT, PFMERGE, keys and values of the given types. */
    <K, V> BlockingHyperLogLogCommands<K, V> hyperLogLog(TypeRef<K> keyType, TypeRef<V> valueType);

    /** Commands on HyperLogLogs: PFADD, PFCOUNT, PFMERGE, {@code String} keys and values of the given class. */
    default <V> BlockingHyperLogLogCommands<String, V> hyperLogLog(Class<V> valueType) {
        return hyperLogLog(TypeRef.of(String.class), TypeRef.of(valueType));
    }

    /** Commands on HyperLogLogs: PFADD, PFCOUNT, PFMERGE, {@code String} keys and values of a generic type, such as {@code new TypeRef<List<Order>>() {}}. */
    default <V> BlockingHyperLogLogCommands<String, V> hyperLogLog(TypeRef<V> valueType) {
        return hyperLogLog(TypeRef.of(String.class), valueType);
    }

    /** Commands on HyperLogLogs: PFADD, PFCOUNT, PFMERGE, keys and values of the given classes. */
    default <K, V> BlockingHyperLogLogCommands<K, V> hyperLogLog(Class<K> keyType, Class<V> valueType) {
        return hyperLogLog(TypeRef.of(keyType), TypeRef.of(valueType));
    }

    /** Commands on bitmaps: SETBIT, BITCOUNT..., keys of the given type. */
    <K> BlockingBitmapCommands<K> bitmap(TypeRef<K> keyType);

    /** Commands on bitmaps: SETBIT, BITCOUNT..., {@code String} keys. */
    default BlockingBitmapCommands<String> bitmap() {
        return bitmap(TypeRef.of(String.class));
    }

    /** Commands on bitmaps: SETBIT, BITCOUNT..., keys of the given class. */
    default <K> BlockingBitmapCommands<K> bitmap(Class<K> keyType) {
        return bitmap(TypeRef.of(keyType));
    }

    /** Commands on geo sets: GEOADD, GEOSEARCH..., keys and values of the given types. */
    <K, V> BlockingGeoCommands<K, V> geo(TypeRef<K> keyType, TypeRef<V> valueType);

    /** Commands on geo sets: GEOADD, GEOSEARCH..., {@code String} keys and values of the given class. */
    default <V> BlockingGeoCommands<String, V> geo(Class<V> valueType) {
        return geo(TypeRef.of(String.class), TypeRef.of(valueType));
    }

    /** Commands on geo sets: GEOADD, GEOSEARCH..., {@code String} keys and values of a generic type, such as {@code new TypeRef<List<Order>>() {}}. */
    default <V> BlockingGeoCommands<String, V> geo(TypeRef<V> valueType) {
        return geo(TypeRef.of(String.class), valueType);
    }

    /** Commands on geo sets: GEOADD, GEOSEARCH..., keys and values of the given classes. */
    default <K, V> BlockingGeoCommands<K, V> geo(Class<K> keyType, Class<V> valueType) {
        return geo(TypeRef.of(keyType), TypeRef.of(valueType));
    }

}
