package dev.rediscdi;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.vertx.redis.client.Response;
import io.vertx.redis.client.ResponseType;

/**
 * Turns a Redis reply into a Java value. The constants cover the reply shapes of the everyday commands,
 * over RESP2 and RESP3 alike (a RESP3 map and a RESP2 flat array both become a {@link Map}). A nil reply
 * becomes {@code null} (an empty list or map for the collection types).
 *
 * <pre>{@code
 * client.execute(ReplyType.LONG, "INCR", "visits");                  // CompletionStage<Long>
 * client.execute(ReplyType.STRING_MAP, "HGETALL", "user:42");        // CompletionStage<Map<String, String>>
 * client.execute(ReplyType.listOf(ReplyType.BYTES), "MGET", "a", "b"); // CompletionStage<List<byte[]>>
 * }</pre>
 *
 * @param <T> the Java type of the converted reply
 */
@FunctionalInterface
public interface ReplyType<T> {

    /** Converts one reply; {@code reply} is {@code null} for a nil reply. */
    T convert(Response reply);

    /** The driver's reply as it is. */
    ReplyType<Response> RESPONSE = reply -> reply;
    /** A bulk or simple string, decoded as UTF-8. */
    ReplyType<String> STRING = reply -> reply == null ? null : reply.toString();
    /** A bulk string as raw bytes. */
    ReplyType<byte[]> BYTES = reply -> reply == null ? null : reply.toBytes();
    /** An integer reply, or a string that holds one. */
    ReplyType<Long> LONG = reply -> reply == null ? null : reply.toLong();
    /** A double (RESP3) or a string that holds one ({@code INCRBYFLOAT}, {@code ZSCORE}). */
    ReplyType<Double> DOUBLE = reply -> reply == null ? null : reply.toDouble();
    /** {@code 1}/{@code 0} integers and RESP3 booleans; nil is {@code false}. */
    ReplyType<Boolean> BOOLEAN = reply -> reply != null && reply.toBoolean();
    /** {@code true} for a status reply such as {@code OK}, {@code false} for nil (for example {@code SET NX} not applied). */
    ReplyType<Boolean> OK = reply -> reply != null;
    /** An array of strings; nil elements stay {@code null}. */
    ReplyType<List<String>> STRING_LIST = listOf(STRING);
    /** A map of strings, from a RESP3 map or a RESP2 array of alternating keys and values. */
    ReplyType<Map<String, String>> STRING_MAP = mapOf(STRING);

    /** An array whose elements are converted with {@code element}. */
    static <E> ReplyType<List<E>> listOf(ReplyType<E> element) {
        return reply -> {
            if (reply == null) {
                return Collections.emptyList();
            }
            List<E> list = new ArrayList<>(reply.size());
            for (Response item : reply) {
                list.add(element.convert(item));
            }
            return list;
        };
    }

    /** A map with string keys whose values are converted with {@code value}: from a RESP3 map, a RESP3 array of pairs or a RESP2 flat array. */
    static <V> ReplyType<Map<String, V>> mapOf(ReplyType<V> value) {
        return reply -> {
            if (reply == null) {
                return Collections.emptyMap();
            }
            Map<String, V> map = new LinkedHashMap<>();
            if (reply.type() == ResponseType.MULTI && !reply.isMap() && reply.size() > 0 && reply.get(0) != null
                    && reply.get(0).type() == ResponseType.MULTI) {
                for (Response pair : reply) { // RESP3 pairs, such as ZRANGE .. WITHSCORES: [[member, score], ...]
                    map.put(pair.get(0).toString(), value.convert(pair.get(1)));
                }
            } else if (reply.type() == ResponseType.MULTI && !reply.isMap()) {
                for (int i = 0; i + 1 < reply.size(); i += 2) {
                    map.put(reply.get(i).toString(), value.convert(reply.get(i + 1)));
                }
            } else {
                for (String key : reply.getKeys()) {
                    map.put(key, value.convert(reply.get(key)));
                }
            }
            return map;
        };
    }
}
