package dev.rediscdi;

import java.util.List;
import java.util.concurrent.CompletionStage;

/**
 * The typed command groups: each method answers a small object whose methods are Redis commands with typed keys
 * and values, encoded and decoded by the client's codecs ({@link RedisCodec}). {@link RedisClient} is one; inside
 * {@link RedisClient#transaction} and {@link RedisClient#pipeline} another one queues the commands.
 *
 * <pre>{@code
 * redis.value(Order.class).set("order:42", order);
 * redis.sortedSet(String.class).zincrby("scores", 10, "alice");
 * redis.hash(new TypeRef<List<Item>>() {}).hget("cart:7", "items");
 * }</pre>
 *
 * Group objects are cheap and hold no connection: get them once or on every call, as you like.
 */
public interface RedisCommands {

    /** Commands on string values: GET, SET, INCR..., keys and values of the given types. */
    <K, V> ValueCommands<K, V> value(TypeRef<K> keyType, TypeRef<V> valueType);

    /** Commands on string values: GET, SET, INCR..., {@code String} keys and values of the given class. */
    default <V> ValueCommands<String, V> value(Class<V> valueType) {
        return value(TypeRef.of(String.class), TypeRef.of(valueType));
    }

    /** Commands on string values: GET, SET, INCR..., {@code String} keys and values of a generic type, such as {@code new TypeRef<List<Order>>() {}}. */
    default <V> ValueCommands<String, V> value(TypeRef<V> valueType) {
        return value(TypeRef.of(String.class), valueType);
    }

    /** Commands on string values: GET, SET, INCR..., keys and values of the given classes. */
    default <K, V> ValueCommands<K, V> value(Class<K> keyType, Class<V> valueType) {
        return value(TypeRef.of(keyType), TypeRef.of(valueType));
    }

    /** Commands on keys of any type: DEL, EXPIRE, SCAN..., keys of the given type. */
    <K> KeyCommands<K> keys(TypeRef<K> keyType);

    /** Commands on keys of any type: DEL, EXPIRE, SCAN..., {@code String} keys. */
    default KeyCommands<String> keys() {
        return keys(TypeRef.of(String.class));
    }

    /** Commands on keys of any type: DEL, EXPIRE, SCAN..., keys of the given class. */
    default <K> KeyCommands<K> keys(Class<K> keyType) {
        return keys(TypeRef.of(keyType));
    }

    /** Commands on hashes, with String field names: HSET, HGETALL..., keys and values of the given types. */
    <K, V> HashCommands<K, V> hash(TypeRef<K> keyType, TypeRef<V> valueType);

    /** Commands on hashes, with String field names: HSET, HGETALL..., {@code String} keys and values of the given class. */
    default <V> HashCommands<String, V> hash(Class<V> valueType) {
        return hash(TypeRef.of(String.class), TypeRef.of(valueType));
    }

    /** Commands on hashes, with String field names: HSET, HGETALL..., {@code String} keys and values of a generic type, such as {@code new TypeRef<List<Order>>() {}}. */
    default <V> HashCommands<String, V> hash(TypeRef<V> valueType) {
        return hash(TypeRef.of(String.class), valueType);
    }

    /** Commands on hashes, with String field names: HSET, HGETALL..., keys and values of the given classes. */
    default <K, V> HashCommands<K, V> hash(Class<K> keyType, Class<V> valueType) {
        return hash(TypeRef.of(keyType), TypeRef.of(valueType));
    }

    /** Commands on lists, blocking pops included: LPUSH, BLPOP..., keys and values of the given types. */
    <K, V> ListCommands<K, V> list(TypeRef<K> keyType, TypeRef<V> valueType);

    /** Commands on lists, blocking pops included: LPUSH, BLPOP..., {@code String} keys and values of the given class. */
    default <V> ListCommands<String, V> list(Class<V> valueType) {
        return list(TypeRef.of(String.class), TypeRef.of(valueType));
    }

    /** Commands on lists, blocking pops included: LPUSH, BLPOP..., {@code String} keys and values of a generic type, such as {@code new TypeRef<List<Order>>() {}}. */
    default <V> ListCommands<String, V> list(TypeRef<V> valueType) {
        return list(TypeRef.of(String.class), valueType);
    }

    /** Commands on lists, blocking pops included: LPUSH, BLPOP..., keys and values of the given classes. */
    default <K, V> ListCommands<K, V> list(Class<K> keyType, Class<V> valueType) {
        return list(TypeRef.of(keyType), TypeRef.of(valueType));
    }

    /** Commands on sets: SADD, SMEMBERS..., keys and values of the given types. */
    <K, V> SetCommands<K, V> set(TypeRef<K> keyType, TypeRef<V> valueType);

    /** Commands on sets: SADD, SMEMBERS..., {@code String} keys and values of the given class. */
    default <V> SetCommands<String, V> set(Class<V> valueType) {
        return set(TypeRef.of(String.class), TypeRef.of(valueType));
    }

    /** Commands on sets: SADD, SMEMBERS..., {@code String} keys and values of a generic type, such as {@code new TypeRef<List<Order>>() {}}. */
    default <V> SetCommands<String, V> set(TypeRef<V> valueType) {
        return set(TypeRef.of(String.class), valueType);
    }

    /** Commands on sets: SADD, SMEMBERS..., keys and values of the given classes. */
    default <K, V> SetCommands<K, V> set(Class<K> keyType, Class<V> valueType) {
        return set(TypeRef.of(keyType), TypeRef.of(valueType));
    }

    /** Commands on sorted sets: ZADD, ZRANGE..., keys and values of the given types. */
    <K, V> SortedSetCommands<K, V> sortedSet(TypeRef<K> keyType, TypeRef<V> valueType);

    /** Commands on sorted sets: ZADD, ZRANGE..., {@code String} keys and values of the given class. */
    default <V> SortedSetCommands<String, V> sortedSet(Class<V> valueType) {
        return sortedSet(TypeRef.of(String.class), TypeRef.of(valueType));
    }

    /** Commands on sorted sets: ZADD, ZRANGE..., {@code String} keys and values of a generic type, such as {@code new TypeRef<List<Order>>() {}}. */
    default <V> SortedSetCommands<String, V> sortedSet(TypeRef<V> valueType) {
        return sortedSet(TypeRef.of(String.class), valueType);
    }

    /** Commands on sorted sets: ZADD, ZRANGE..., keys and values of the given classes. */
    default <K, V> SortedSetCommands<K, V> sortedSet(Class<K> keyType, Class<V> valueType) {
        return sortedSet(TypeRef.of(keyType), TypeRef.of(valueType));
    }

    /** Commands on streams and consumer groups: XADD, XREADGROUP, XACK..., keys and values of the given types. */
    <K, V> StreamCommands<K, V> stream(TypeRef<K> keyType, TypeRef<V> valueType);

    /** Commands on streams and consumer groups: XADD, XREADGROUP, XACK..., {@code String} keys and values of the given class. */
    default <V> StreamCommands<String, V> stream(Class<V> valueType) {
        return stream(TypeRef.of(String.class), TypeRef.of(valueType));
    }

    /** Commands on streams and consumer groups: XADD, XREADGROUP, XACK..., {@code String} keys and values of a generic type, such as {@code new TypeRef<List<Order>>() {}}. */
    default <V> StreamCommands<String, V> stream(TypeRef<V> valueType) {
        return stream(TypeRef.of(String.class), valueType);
    }

    /** Commands on streams and consumer groups: XADD, XREADGROUP, XACK..., keys and values of the given classes. */
    default <K, V> StreamCommands<K, V> stream(Class<K> keyType, Class<V> valueType) {
        return stream(TypeRef.of(keyType), TypeRef.of(valueType));
    }

    /** Commands on HyperLogLogs: PFADD, PFCOUNT, PFMERGE, keys and values of the given types. */
    <K, V> HyperLogLogCommands<K, V> hyperLogLog(TypeRef<K> keyType, TypeRef<V> valueType);

    /** Commands on HyperLogLogs: PFADD, PFCOUNT, PFMERGE, {@code String} keys and values of the given class. */
    default <V> HyperLogLogCommands<String, V> hyperLogLog(Class<V> valueType) {
        return hyperLogLog(TypeRef.of(String.class), TypeRef.of(valueType));
    }

    /** Commands on HyperLogLogs: PFADD, PFCOUNT, PFMERGE, {@code String} keys and values of a generic type, such as {@code new TypeRef<List<Order>>() {}}. */
    default <V> HyperLogLogCommands<String, V> hyperLogLog(TypeRef<V> valueType) {
        return hyperLogLog(TypeRef.of(String.class), valueType);
    }

    /** Commands on HyperLogLogs: PFADD, PFCOUNT, PFMERGE, keys and values of the given classes. */
    default <K, V> HyperLogLogCommands<K, V> hyperLogLog(Class<K> keyType, Class<V> valueType) {
        return hyperLogLog(TypeRef.of(keyType), TypeRef.of(valueType));
    }

    /** Commands on bitmaps: SETBIT, BITCOUNT..., keys of the given type. */
    <K> BitmapCommands<K> bitmap(TypeRef<K> keyType);

    /** Commands on bitmaps: SETBIT, BITCOUNT..., {@code String} keys. */
    default BitmapCommands<String> bitmap() {
        return bitmap(TypeRef.of(String.class));
    }

    /** Commands on bitmaps: SETBIT, BITCOUNT..., keys of the given class. */
    default <K> BitmapCommands<K> bitmap(Class<K> keyType) {
        return bitmap(TypeRef.of(keyType));
    }

    /** Commands on geo sets: GEOADD, GEOSEARCH..., keys and values of the given types. */
    <K, V> GeoCommands<K, V> geo(TypeRef<K> keyType, TypeRef<V> valueType);

    /** Commands on geo sets: GEOADD, GEOSEARCH..., {@code String} keys and values of the given class. */
    default <V> GeoCommands<String, V> geo(Class<V> valueType) {
        return geo(TypeRef.of(String.class), TypeRef.of(valueType));
    }

    /** Commands on geo sets: GEOADD, GEOSEARCH..., {@code String} keys and values of a generic type, such as {@code new TypeRef<List<Order>>() {}}. */
    default <V> GeoCommands<String, V> geo(TypeRef<V> valueType) {
        return geo(TypeRef.of(String.class), valueType);
    }

    /** Commands on geo sets: GEOADD, GEOSEARCH..., keys and values of the given classes. */
    default <K, V> GeoCommands<K, V> geo(Class<K> keyType, Class<V> valueType) {
        return geo(TypeRef.of(keyType), TypeRef.of(valueType));
    }

    /**
     * Runs a Lua script. On the client: by its digest ({@code EVALSHA}), in full only when Redis does not know it
     * ({@code NOSCRIPT}). Inside {@link RedisClient#transaction} and {@link RedisClient#pipeline}: in full
     * ({@code EVAL}, which also loads it), since a {@code NOSCRIPT} there could be answered only after the commands
     * queued behind it had run.
     *
     * @param keys the keys the script touches ({@code KEYS[1..]}), so that a cluster routes it
     * @param args the other arguments ({@code ARGV[1..]}), as for {@link RedisClient#send(String, Object...)}
     */
    <T> CompletionStage<T> eval(RedisScript script, ReplyType<T> replyType, List<String> keys, Object... args);
}
